package io.agentevents.application.service.feed;

import io.agentevents.application.port.in.feed.StreamProjectEventsUseCase.Reader;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The streams of one project on this node. However many there are, one read of the log serves
 * them all: from the oldest marker among them, page by page, each stream taking what is after its
 * own marker. One read at a time; a signal or a new stream during it makes one more after it, so
 * a stream is only served by reads that started at or before its marker, and misses nothing.
 */
final class ProjectStreams {

    /** Events one read takes a page at most; a longer gap is read in several. */
    static final int PAGE = EventPageRequest.MAX_LIMIT;

    /** One reader and how far it has been given the log. */
    static final class Stream {

        private final Reader reader;
        private long marker;
        private boolean closed;

        Stream(Reader reader, long marker) {
            this.reader = reader;
            this.marker = marker;
        }

        synchronized long marker() {
            return marker;
        }

        synchronized void deliver(List<StoredEvent> events) {
            if (closed) {
                return;
            }
            int first = 0;
            while (first < events.size() && events.get(first).id().value() <= marker) {
                first++;
            }
            if (first < events.size()) {
                List<StoredEvent> fresh = events.subList(first, events.size());
                marker = fresh.get(fresh.size() - 1).id().value();
                reader.events(List.copyOf(fresh));
            }
        }

        synchronized void end(RuntimeException cause) {
            if (!closed) {
                closed = true;
                reader.ended(cause);
            }
        }

        synchronized void close() {
            closed = true;
        }
    }

    private final ProjectId project;
    private final EventLog eventLog;
    private final StoreCalls calls;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final OneReadAtATime reads = new OneReadAtATime(this::readForEveryStream);

    ProjectStreams(ProjectId project, EventLog eventLog, StoreCalls calls) {
        this.project = project;
        this.eventLog = eventLog;
        this.calls = calls;
    }

    void add(Stream stream) {
        streams.add(stream);
    }

    int size() {
        return streams.size();
    }

    /** @return whether none are left */
    boolean remove(Stream stream) {
        stream.close();
        streams.remove(stream);
        return streams.isEmpty();
    }

    /** The log may have grown, or a stream joined: read what is new for every stream. */
    void read() {
        reads.signal();
    }

    private void readForEveryStream(Runnable done) {
        List<Stream> served = List.copyOf(streams);
        long from = served.stream().mapToLong(Stream::marker).min().orElse(Long.MAX_VALUE);
        if (served.isEmpty()) {
            done.run();
            return;
        }
        calls.supply(() -> readAfter(from, served)).whenComplete((ignored, failure) -> {
            if (failure != null) {
                RuntimeException cause = failure instanceof CompletionException wrapped
                        && wrapped.getCause() instanceof RuntimeException inner ? inner
                        : failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
                served.forEach(stream -> stream.end(cause));
                served.forEach(streams::remove);
            }
            done.run();
        });
    }

    private Void readAfter(long from, List<Stream> served) {
        long after = from;
        while (true) {
            Optional<EventId> marker = after > 0 ? Optional.of(new EventId(after)) : Optional.empty();
            List<StoredEvent> events = eventLog.page(project, new EventPageRequest(marker, PAGE, SortDirection.ASC)).events();
            served.forEach(stream -> stream.deliver(events));
            if (events.size() < PAGE) {
                return null;
            }
            after = events.get(events.size() - 1).id().value();
        }
    }
}
