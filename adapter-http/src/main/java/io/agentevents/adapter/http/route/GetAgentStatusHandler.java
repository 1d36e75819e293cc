package io.agentevents.adapter.http.route;

import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.dto.response.AgentStatusResponse;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.agent.GetAgentStatusUseCase;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v2/{p}/agents/{a}/status}. */
public final class GetAgentStatusHandler implements Endpoint {

    private final GetAgentStatusUseCase status;

    public GetAgentStatusHandler(GetAgentStatusUseCase status) {
        this.status = status;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        AgentQuery query = new AgentQuery(Authenticator.callerOf(context), PathParams.project(context),
                PathParams.agent(context));
        return Stages.onContext(status.status(query), context.vertx())
                .map(found -> Reply.json(200, AgentStatusResponse.from(found)));
    }
}
