package io.agentevents.adapter.http.route;

import io.agentevents.adapter.http.dto.response.EventListResponse;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.support.ClientKey;
import io.agentevents.adapter.http.edge.RequestIds;
import io.agentevents.adapter.http.edge.TooManyRequestsException;
import io.agentevents.adapter.http.support.ClientGoneException;
import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.support.WaitParam;
import io.agentevents.adapter.http.support.WaitingPolls;
import io.agentevents.adapter.http.wire.LogfileLinks;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.AwaitAgentEventsQuery;
import io.agentevents.application.port.in.feed.AwaitAgentEventsUseCase;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.in.feed.ListAgentEventsUseCase;
import io.agentevents.application.port.in.feed.PendingPage;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * {@code GET /v2/{p}/agents/{a}/events}: the agent's feed, oldest first unless asked otherwise.
 * When the agent itself polls, {@code X-Agent-Mode} and {@code X-Poll-Interval-Ms} tell it its
 * mode and when to poll next, and {@code wait=S} (0–30 s) holds an empty answer until an event
 * arrives or S passes: a long-poll, with no thread held while it waits.
 */
public final class GetAgentEventsHandler implements Endpoint {

    public static final String MODE_HEADER = "X-Agent-Mode";
    public static final String POLL_INTERVAL_HEADER = "X-Poll-Interval-Ms";
    public static final String LONG_POLL_HEADER = "X-Long-Poll-Max-S";
    public static final int MAX_WAIT_SECONDS = WaitParam.MAX_SECONDS;

    private final ListAgentEventsUseCase list;
    private final AwaitAgentEventsUseCase await;
    private final Vertx vertx;
    private final WaitingPolls waitingPolls;
    private final PublicUrl publicUrl;
    private final LogfileLinks logfileLinks;

    public GetAgentEventsHandler(ListAgentEventsUseCase list, AwaitAgentEventsUseCase await, Vertx vertx,
                                 WaitingPolls waitingPolls, PublicUrl publicUrl, LogfileLinks logfileLinks) {
        this.logfileLinks = logfileLinks;
        this.list = list;
        this.await = await;
        this.vertx = vertx;
        this.waitingPolls = waitingPolls;
        this.publicUrl = publicUrl;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        ProjectId project = PathParams.project(context);
        AgentId agent = PathParams.agent(context);
        EventPageRequest page = PageQuery.parse(context.queryParams(), SortDirection.ASC);
        Duration wait = WaitParam.of(context);
        ListAgentEventsQuery query = new ListAgentEventsQuery(Authenticator.callerOf(context), project, agent, page,
                RequestIds.of(context));
        String path = "/v2/" + project + "/agents/" + agent + "/events";
        if (wait.isZero()) {
            return Stages.onContext(list.list(query), vertx).map(result -> replyOf(result, path, page));
        }
        return waitFor(context, query, wait, path);
    }

    private Reply replyOf(AgentEventsPage result, String path, EventPageRequest page) {
        Reply reply = Reply.json(200, EventListResponse.from(result.page(), path, page, publicUrl, logfileLinks));
        return result.directive().map(directive -> {
            Map<String, String> headers = new HashMap<>();
            headers.put(MODE_HEADER, WireNames.of(directive.mode()));
            headers.put(POLL_INTERVAL_HEADER, Long.toString(directive.pollEvery().toMillis()));
            if (directive.mode() == Mode.REAL_TIME) {
                headers.put(LONG_POLL_HEADER, Integer.toString(MAX_WAIT_SECONDS));
            }
            return reply.withHeaders(headers);
        }).orElse(reply);
    }

    /**
     * A waiting poll: its seat bounds the token's waiting polls and answers it when the node
     * stops; the use case does the waiting. If the client goes away it is cancelled.
     */
    private Future<Reply> waitFor(RoutingContext context, ListAgentEventsQuery query, Duration wait, String path) {
        var entered = waitingPolls.enter(ClientKey.of(context));
        if (entered.isEmpty()) {
            return Future.failedFuture(new TooManyRequestsException("at most " + waitingPolls.maxPerToken()
                    + " long-polls may wait per token; close one or poll without wait", 1));
        }
        WaitingPolls.Seat seat = entered.get();
        PendingPage pending;
        try {
            pending = await.await(new AwaitAgentEventsQuery(query, wait));
        } catch (RuntimeException failed) {
            seat.leave();
            throw failed;
        }
        seat.answerNowBy(pending::answerNow);
        context.response().closeHandler(ignored -> pending.cancel());
        return Stages.onContext(pending.page(), vertx)
                .onComplete(ignored -> seat.leave())
                .recover(failed -> Future.failedFuture(failed instanceof CancellationException
                        ? new ClientGoneException() : failed))
                .map(result -> replyOf(result, path, query.page()));
    }
}
