package io.agentevents.domain.event;

import java.util.Objects;
import java.util.Optional;

/**
 * Which events a reader wants. With a marker: the {@code limit} events closest after it, then
 * ordered by {@code direction}. Without one, the page starts from the end the sort starts from:
 * {@code DESC} gives the newest {@code limit} events, {@code ASC} the oldest kept ones.
 *
 * @param after     the marker: only events with a larger id
 * @param limit     1 to {@value #MAX_LIMIT} events
 * @param direction the order of the page
 */
public record EventPageRequest(Optional<EventId> after, int limit, SortDirection direction) {

    /** The page size when a reader names none. */
    public static final int DEFAULT_LIMIT = 100;
    /** The largest page a reader may ask for. */
    public static final int MAX_LIMIT = 1000;

    /** @throws IllegalArgumentException if {@code limit} is outside 1 to {@value #MAX_LIMIT} */
    public EventPageRequest {
        Objects.requireNonNull(after, "after must not be null (use Optional.empty())");
        Objects.requireNonNull(direction, "direction must not be null");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** The first page after {@code marker} in ascending order, as a polling agent reads it. */
    public static EventPageRequest after(EventId marker, int limit) {
        return new EventPageRequest(Optional.of(marker), limit, SortDirection.ASC);
    }
}
