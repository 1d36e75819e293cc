package io.agentevents.adapter.http.route;

import io.agentevents.adapter.http.support.ApiMetrics;
import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.dto.request.ActivationRequest;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.edge.RequestIds;
import io.agentevents.application.port.in.activation.ActivateAgentsCommand;
import io.agentevents.application.port.in.activation.ActivateAgentsUseCase;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /v2/{p}/events}: 202 once the activation is stored. */
public final class PostProjectEventHandler implements Endpoint {

    private final ActivateAgentsUseCase activate;
    private final JsonCodec codec;
    private final ApiMetrics metrics;

    public PostProjectEventHandler(ActivateAgentsUseCase activate, JsonCodec codec, ApiMetrics metrics) {
        this.activate = activate;
        this.codec = codec;
        this.metrics = metrics;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        ActivateAgentsCommand command = ActivationRequest.from(RequestBodies.objectOf(context, codec))
                .toCommand(Authenticator.callerOf(context), PathParams.project(context), RequestIds.of(context));
        return Stages.onContext(activate.activate(command), context.vertx())
                .map(Reply.of(202))
                .onSuccess(stored -> metrics.activated("project", command.mode()));
    }
}
