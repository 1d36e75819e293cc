package io.agentevents.adapter.http.stream;

import io.agentevents.adapter.http.dto.response.EventResponse;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.edge.RequestIds;
import io.agentevents.adapter.http.route.PathParams;
import io.agentevents.adapter.http.edge.TooManyRequestsException;
import io.agentevents.adapter.http.support.ClientKey;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.support.WaitingPolls;
import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.LogfileLinks;
import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.application.port.in.feed.StreamProjectEventsQuery;
import io.agentevents.application.port.in.feed.StreamProjectEventsUseCase;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.StoredEvent;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v2/{p}/events/stream}: the project's log as a {@code text/event-stream}, each event a
 * message whose {@code id:} is the event id and whose {@code data:} is the event as
 * {@code GET /v2/{p}/events} shows it. {@code Last-Event-ID} (or {@code ?marker=}) resumes after
 * that event; without either the stream starts with the next event stored. A comment now and then
 * ({@code ApiOptions#streamKeepAlive}) keeps proxies from closing a quiet stream. A reader that does not
 * keep up is cut off once {@value #MAX_BUFFERED_BYTES} bytes wait for it: it reconnects with its
 * last id and misses nothing, and the node never holds more for it.
 */
public final class ProjectEventStream implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectEventStream.class);

    public static final String LAST_EVENT_ID = "Last-Event-ID";
    public static final int MAX_BUFFERED_BYTES = 1024 * 1024;

    private final StreamProjectEventsUseCase stream;
    private final WaitingPolls waiting;
    private final JsonCodec codec;
    private final LogfileLinks logfileLinks;
    private final Duration keepAlive;

    /** @param waiting where a stream takes its seat: it counts as one of its token's waiting long-polls */
    public ProjectEventStream(StreamProjectEventsUseCase stream, WaitingPolls waiting, JsonCodec codec,
                              LogfileLinks logfileLinks, Duration keepAlive) {
        this.stream = stream;
        this.waiting = waiting;
        this.codec = codec;
        this.logfileLinks = logfileLinks;
        this.keepAlive = keepAlive;
    }

    @Override
    public void handle(RoutingContext context) {
        StreamProjectEventsQuery query = new StreamProjectEventsQuery(Authenticator.callerOf(context),
                PathParams.project(context), marker(context));
        WaitingPolls.Seat seat = waiting.enter(ClientKey.of(context)).orElseThrow(() -> new TooManyRequestsException(
                "at most " + waiting.maxPerToken() + " long-polls and streams may wait per token; close one", 1));
        Writer writer = new Writer(context, seat);
        Stages.onContext(stream.open(query, new StreamProjectEventsUseCase.Reader() {
            @Override
            public void events(List<StoredEvent> events) {
                writer.loop.runOnContext(ignored -> writer.write(events));
            }

            @Override
            public void ended(RuntimeException cause) {
                writer.loop.runOnContext(ignored -> writer.end(cause));
            }
        }), context.vertx()).onComplete(opened -> {
            if (opened.succeeded()) {
                writer.start(opened.result());
            } else {
                seat.leave();
                context.fail(opened.cause());
            }
        });
    }

    /** {@code Last-Event-ID}, as a browser's own EventSource resends it, else {@code ?marker=}; they must agree if both are given. */
    private static Optional<EventId> marker(RoutingContext context) {
        String header = context.request().getHeader(LAST_EVENT_ID);
        List<String> query = context.queryParams().getAll("marker");
        if (query.size() > 1) {
            throw new BadRequestException("marker must be given at most once");
        }
        Optional<EventId> fromHeader = Optional.ofNullable(header).map(text -> parse(text, LAST_EVENT_ID));
        Optional<EventId> fromQuery = query.stream().findFirst().map(text -> parse(text, "marker"));
        if (fromHeader.isPresent() && fromQuery.isPresent() && !fromHeader.equals(fromQuery)) {
            throw new BadRequestException(LAST_EVENT_ID + " and marker name different events");
        }
        return fromHeader.or(() -> fromQuery);
    }

    private static EventId parse(String text, String name) {
        try {
            return EventId.parse(text.strip());
        } catch (IllegalArgumentException bad) {
            throw new BadRequestException(name + " must be an event id; got '" + WireNames.clip(text) + "'");
        }
    }

    /** One stream's response, on its request's event loop: events that come before the answer's head wait for it. */
    private final class Writer {

        private final RoutingContext context;
        private final WaitingPolls.Seat seat;
        private final Context loop;
        private final HttpServerResponse response;
        private final List<StoredEvent> early = new ArrayList<>();
        private Runnable close;
        private long keepAliveTimer = -1;
        private boolean done;

        /** Made on the request's event loop, which it keeps. */
        Writer(RoutingContext context, WaitingPolls.Seat seat) {
            this.context = context;
            this.seat = seat;
            this.loop = context.vertx().getOrCreateContext();
            this.response = context.response();
        }

        void start(Runnable closeStream) {
            close = closeStream;
            if (done || response.ended() || response.closed()) { // ended before it began, or the reader left
                finish();
                return;
            }
            response.setStatusCode(200).setChunked(true)
                    .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("X-Accel-Buffering", "no") // nginx would hold the messages back otherwise
                    .setWriteQueueMaxSize(MAX_BUFFERED_BYTES);
            response.closeHandler(ignored -> finish());
            // A node that stops ends its streams; readers reconnect to another node with their last id.
            seat.answerNowBy(() -> loop.runOnContext(ignored -> {
                if (!done) {
                    endResponse();
                }
            }));
            keepAliveTimer = context.vertx().setPeriodic(keepAlive.toMillis(), ignored -> send(Buffer.buffer(":\n\n")));
            send(Buffer.buffer(": the events of " + context.normalizedPath() + "\n\n")); // the head goes out at once
            List<StoredEvent> waiting = List.copyOf(early);
            early.clear();
            write(waiting);
        }

        void write(List<StoredEvent> events) {
            if (done || events.isEmpty()) {
                return;
            }
            if (close == null) {
                early.addAll(events);
                return;
            }
            Buffer messages = Buffer.buffer();
            for (StoredEvent event : events) {
                messages.appendString("id: ").appendString(event.id().toString()).appendString("\ndata: ")
                        .appendString(codec.write(EventResponse.from(event, logfileLinks))).appendString("\n\n");
            }
            send(messages);
        }

        void end(RuntimeException cause) {
            if (done) {
                return;
            }
            LOG.warn("request {}: the stream of {} ended: {}", RequestIds.of(context), context.normalizedPath(),
                    cause.getMessage());
            if (close == null) {
                done = true;
                seat.leave();
                context.fail(cause);
                return;
            }
            endResponse();
        }

        private void endResponse() {
            if (!response.closed() && !response.ended()) {
                response.end();
            }
            finish();
        }

        private void send(Buffer bytes) {
            if (done) {
                return;
            }
            if (response.closed()) { // the reader left; its close handler may not have run yet
                finish();
                return;
            }
            response.write(bytes);
            if (response.writeQueueFull()) {
                LOG.info("request {}: a reader of {} fell {} bytes behind and was cut off; it resumes with its last id",
                        RequestIds.of(context), context.normalizedPath(), MAX_BUFFERED_BYTES);
                response.reset();
                finish();
            }
        }

        /** Ends the stream on this side: no more writes, no keep-alive, the use case's stream closed. */
        private void finish() {
            done = true;
            seat.leave();
            if (keepAliveTimer >= 0) {
                context.vertx().cancelTimer(keepAliveTimer);
                keepAliveTimer = -1;
            }
            if (close != null) {
                Runnable closing = close;
                close = null;
                closing.run();
            }
        }
    }
}
