package io.agentevents.adapter.http.route.request;

import io.agentevents.adapter.http.dto.agentrequest.LogfilePatchRequest;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.route.PathParams;
import io.agentevents.adapter.http.route.RequestBodies;
import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.application.port.in.logfile.UpdateLogfileCommand;
import io.agentevents.application.port.in.logfile.UpdateLogfileUseCase;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code PATCH /v2/{p}/agents/{a}/logfiles/{id}} by the agent: a replace of {@code /state}; 204. */
public final class PatchLogfileHandler implements Endpoint {

    private final UpdateLogfileUseCase update;
    private final JsonCodec codec;

    public PatchLogfileHandler(UpdateLogfileUseCase update, JsonCodec codec) {
        this.update = update;
        this.codec = codec;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        LogfilePatchRequest request = LogfilePatchRequest.from(RequestBodies.patchOf(context, codec));
        UpdateLogfileCommand command = request.toCommand(Authenticator.callerOf(context), PathParams.project(context),
                PathParams.agent(context), PathParams.request(context, "logfile"));
        return Stages.onContext(update.update(command), context.vertx()).map(done -> Reply.of(204));
    }
}
