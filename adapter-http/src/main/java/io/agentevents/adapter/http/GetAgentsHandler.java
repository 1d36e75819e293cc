package io.agentevents.adapter.http;

import io.agentevents.adapter.http.dto.AgentListResponse;
import io.agentevents.application.port.in.ListAgentsQuery;
import io.agentevents.application.port.in.ListAgentsUseCase;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v2/{p}/agents}. */
public final class GetAgentsHandler implements Endpoint {

    private final ListAgentsUseCase list;
    private final Blocking blocking;

    public GetAgentsHandler(ListAgentsUseCase list, Blocking blocking) {
        this.list = list;
        this.blocking = blocking;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        ListAgentsQuery query = new ListAgentsQuery(Authenticator.callerOf(context), PathParams.project(context));
        return blocking.call(() -> list.list(query)).map(agents -> Reply.json(200, AgentListResponse.from(agents)));
    }
}
