package io.agentevents.adapter.http;

import io.agentevents.adapter.http.dto.EventListResponse;
import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.in.feed.ListAgentEventsUseCase;
import io.agentevents.application.port.in.feed.WatchAgentEventsUseCase;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    public static final int MAX_WAIT_SECONDS = 30;

    private final ListAgentEventsUseCase list;
    private final WatchAgentEventsUseCase watch;
    private final Vertx vertx;
    private final Blocking blocking;
    private final WaitingPolls waitingPolls;
    private final ApiMetrics metrics;
    private final PublicUrl publicUrl;

    public GetAgentEventsHandler(ListAgentEventsUseCase list, WatchAgentEventsUseCase watch, Vertx vertx,
                                 Blocking blocking, WaitingPolls waitingPolls, ApiMetrics metrics, PublicUrl publicUrl) {
        this.list = list;
        this.watch = watch;
        this.vertx = vertx;
        this.blocking = blocking;
        this.waitingPolls = waitingPolls;
        this.metrics = metrics;
        this.publicUrl = publicUrl;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        ProjectId project = PathParams.project(context);
        AgentId agent = PathParams.agent(context);
        EventPageRequest page = PageQuery.parse(context.queryParams(), SortDirection.ASC);
        Duration wait = waitOf(context);
        ListAgentEventsQuery query = new ListAgentEventsQuery(Authenticator.callerOf(context), project, agent, page,
                RequestIds.of(context));
        String path = "/v2/" + project + "/agents/" + agent + "/events";
        if (wait.isZero()) {
            return blocking.callUnlessKnown(() -> list.listIfKnown(query).map(this::countedFromMemory),
                            () -> list.list(query))
                    .map(result -> replyOf(result, path, page));
        }
        return new LongPoll(context, query, wait, path).start();
    }

    private AgentEventsPage countedFromMemory(AgentEventsPage page) {
        metrics.pollAnsweredFromMemory();
        return page;
    }

    private static Duration waitOf(RoutingContext context) {
        List<String> values = context.queryParams().getAll("wait");
        if (values.isEmpty()) {
            return Duration.ZERO;
        }
        String text = values.get(0);
        if (values.size() > 1 || text.isEmpty() || text.length() > 2 || !text.chars().allMatch(Character::isDigit)
                || Integer.parseInt(text) > MAX_WAIT_SECONDS) {
            throw new BadRequestException("wait must be a whole number of seconds from 0 to " + MAX_WAIT_SECONDS);
        }
        return Duration.ofSeconds(Integer.parseInt(text));
    }

    private Reply replyOf(AgentEventsPage result, String path, EventPageRequest page) {
        Reply reply = Reply.json(200, EventListResponse.from(result.page(), path, page, publicUrl));
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
     * One waiting poll. The watch is registered before the first read, so an event appended
     * between the read and the wait still wakes it. It ends once: with events, at the deadline,
     * or when the client goes away (then it just lets go of the watch and the timer).
     */
    private final class LongPoll {

        private final RoutingContext context;
        private final ListAgentEventsQuery query;
        private final Duration wait;
        private final String path;
        private final Context eventLoop = vertx.getOrCreateContext();
        private final Promise<Reply> answer = Promise.promise();
        private WatchAgentEventsUseCase.Watch registered;
        private WaitingPolls.Seat seat;
        private boolean answerAfterFirstRead;
        private long timer;
        private Reply latest;
        private AgentEventsPage waitingOn;
        private boolean reading;
        private boolean signalledWhileReading;
        private boolean ended;

        LongPoll(RoutingContext context, ListAgentEventsQuery query, Duration wait, String path) {
            this.context = context;
            this.query = query;
            this.wait = wait;
            this.path = path;
        }

        Future<Reply> start() {
            var entered = waitingPolls.enter(ClientKey.of(context),
                    () -> eventLoop.runOnContext(ignored -> answerNow()));
            if (entered.isEmpty()) {
                return Future.failedFuture(new TooManyRequestsException("at most " + waitingPolls.maxPerToken()
                        + " long-polls may wait per token; close one or poll without wait", 1));
            }
            seat = entered.get();
            registered = watch.watch(query.project(), query.agent(), () -> eventLoop.runOnContext(ignored -> readAgain()));
            timer = vertx.setTimer(wait.toMillis(), ignored -> end(latest));
            context.response().closeHandler(ignored -> end(null));
            reading = true;
            blocking.call(() -> list.list(query)).onComplete(result -> {
                reading = false;
                if (result.failed()) {
                    fail(result.cause());
                    return;
                }
                waitingOn = result.result();
                latest = replyOf(waitingOn, path, query.page());
                if (!result.result().page().events().isEmpty() || result.result().directive().isEmpty()
                        || answerAfterFirstRead) {
                    end(latest); // something to say now, or a user reading: users never wait
                } else if (signalledWhileReading) {
                    readAgain();
                }
            });
            return answer.future();
        }

        /** On the event loop, after a signal: read again, one read at a time. */
        private void readAgain() {
            if (ended) {
                return;
            }
            if (reading) {
                signalledWhileReading = true;
                return;
            }
            reading = true;
            signalledWhileReading = false;
            blocking.call(() -> list.rereadWhileWaiting(query, waitingOn)).onComplete(result -> {
                reading = false;
                if (result.failed()) {
                    fail(result.cause());
                } else if (!result.result().page().events().isEmpty()) {
                    end(replyOf(result.result(), path, query.page()));
                } else if (signalledWhileReading) {
                    readAgain();
                }
            });
        }

        /** The node is stopping: answer with what the poll has, or as soon as its first read has. */
        private void answerNow() {
            if (latest != null) {
                end(latest);
            } else {
                answerAfterFirstRead = true;
            }
        }

        /** Ends the wait: its seat, its watch and its timer go, whichever way it ended. */
        private void release() {
            ended = true;
            seat.leave();
            registered.close();
            vertx.cancelTimer(timer);
        }

        private void end(Reply reply) {
            if (ended) {
                return;
            }
            release();
            if (reply != null) {
                answer.tryComplete(reply);
            } else {
                answer.tryFail(new ClientGoneException());
            }
        }

        private void fail(Throwable failure) {
            if (!ended) {
                release();
                answer.tryFail(failure);
            }
        }
    }

    /** The client closed the connection while its poll waited; there is nobody to answer. */
    static final class ClientGoneException extends RuntimeException {

        ClientGoneException() {
            super("client closed the connection while waiting", null, false, false);
        }
    }
}
