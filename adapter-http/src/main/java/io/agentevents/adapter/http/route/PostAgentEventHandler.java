package io.agentevents.adapter.http.route;

import io.agentevents.adapter.http.support.ApiMetrics;
import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.dto.request.ActivationRequest;
import io.agentevents.adapter.http.dto.request.AgentEventRequest;
import io.agentevents.adapter.http.dto.request.AgentSignalRequest;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.edge.RequestIds;
import io.agentevents.application.port.in.activation.ActivateAgentUseCase;
import io.agentevents.application.port.in.feed.RecordAgentEventUseCase;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v2/{p}/agents/{a}/events}: a client activating this agent, or the agent
 * reporting a startup, shutdown or heartbeat. 202 either way.
 */
public final class PostAgentEventHandler implements Endpoint {

    private final ActivateAgentUseCase activate;
    private final RecordAgentEventUseCase record;
    private final JsonCodec codec;
    private final ApiMetrics metrics;

    public PostAgentEventHandler(ActivateAgentUseCase activate, RecordAgentEventUseCase record,
                                 JsonCodec codec, ApiMetrics metrics) {
        this.activate = activate;
        this.record = record;
        this.codec = codec;
        this.metrics = metrics;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        AgentEventRequest request = AgentEventRequest.from(RequestBodies.objectOf(context, codec));
        Caller caller = Authenticator.callerOf(context);
        ProjectId project = PathParams.project(context);
        AgentId agent = PathParams.agent(context);
        RequestId requestId = RequestIds.of(context);
        if (request instanceof ActivationRequest activation) {
            var command = activation.toCommand(caller, project, agent, requestId);
            return Stages.onContext(activate.activate(command), context.vertx()).map(done -> Reply.of(202))
                    .onSuccess(stored -> metrics.activated("agent", command.mode()));
        }
        var command = ((AgentSignalRequest) request).toCommand(caller, project, agent, requestId);
        return Stages.onContext(record.record(command), context.vertx()).map(done -> Reply.of(202));
    }
}
