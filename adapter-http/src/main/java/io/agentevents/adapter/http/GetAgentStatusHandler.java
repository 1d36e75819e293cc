package io.agentevents.adapter.http;

import io.agentevents.adapter.http.dto.AgentStatusResponse;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.agent.GetAgentStatusUseCase;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v2/{p}/agents/{a}/status}. */
public final class GetAgentStatusHandler implements Endpoint {

    private final GetAgentStatusUseCase status;
    private final Blocking blocking;

    public GetAgentStatusHandler(GetAgentStatusUseCase status, Blocking blocking) {
        this.status = status;
        this.blocking = blocking;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        AgentQuery query = new AgentQuery(Authenticator.callerOf(context), PathParams.project(context),
                PathParams.agent(context));
        return blocking.call(() -> status.status(query)).map(found -> Reply.json(200, AgentStatusResponse.from(found)));
    }
}
