package io.agentevents.application.port.in.feed;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.domain.event.StoredEvent;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** {@code GET /v2/{p}/events/stream}: a project's log as it grows, to a reader that stays. */
@FunctionalInterface
public interface StreamProjectEventsUseCase {

    /** Where a stream's events go. Called from the store's threads, one call at a time: it must return quickly. */
    interface Reader {

        /** The next events of the log, oldest first: every event after the marker once, in id order. */
        void events(List<StoredEvent> events);

        /** The stream ended on the node's side (the store could not be read); the reader reconnects with its marker. */
        void ended(RuntimeException cause);
    }

    /**
     * Opens the stream: the events after the query's marker are read at once, then each new one
     * as the store signals it.
     *
     * @return completes with the stream's close, to run when the reader leaves; fails (never
     *         throws) with {@link AccessDeniedException} unless a user of the project asks
     */
    CompletionStage<Runnable> open(StreamProjectEventsQuery query, Reader reader);
}
