package io.agentevents.adapter.http;

import io.agentevents.adapter.http.dto.AgentStatusResponse;
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
