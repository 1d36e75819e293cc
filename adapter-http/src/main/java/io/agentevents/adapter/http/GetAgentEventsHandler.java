package io.agentevents.adapter.http;

import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.adapter.http.dto.EventListResponse;
import io.agentevents.application.port.in.ListAgentEventsQuery;
import io.agentevents.application.port.in.ListAgentEventsUseCase;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code GET /v2/{p}/agents/{a}/events}: the agent's feed, oldest first unless asked otherwise.
 * When the agent itself polls, {@code X-Agent-Mode} and {@code X-Poll-Interval-Ms} tell it its
 * mode and when to poll next.
 */
public final class GetAgentEventsHandler implements Endpoint {

    public static final String MODE_HEADER = "X-Agent-Mode";
    public static final String POLL_INTERVAL_HEADER = "X-Poll-Interval-Ms";

    private final ListAgentEventsUseCase list;
    private final Blocking blocking;

    public GetAgentEventsHandler(ListAgentEventsUseCase list, Blocking blocking) {
        this.list = list;
        this.blocking = blocking;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        ProjectId project = PathParams.project(context);
        AgentId agent = PathParams.agent(context);
        EventPageRequest page = PageQuery.parse(context.queryParams(), SortDirection.ASC);
        ListAgentEventsQuery query = new ListAgentEventsQuery(Authenticator.callerOf(context), project, agent, page,
                RequestIds.of(context));
        String path = "/v2/" + project + "/agents/" + agent + "/events";
        return blocking.call(() -> list.list(query)).map(result -> {
            Reply reply = Reply.json(200, EventListResponse.from(result.page(), path, page));
            return result.directive().map(directive -> reply.withHeaders(Map.of(
                    MODE_HEADER, WireNames.of(directive.mode()),
                    POLL_INTERVAL_HEADER, Long.toString(directive.pollEvery().toMillis())))).orElse(reply);
        });
    }
}
