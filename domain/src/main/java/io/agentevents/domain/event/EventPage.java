package io.agentevents.domain.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a project's log (or of an agent's feed).
 *
 * @param events   the events, ordered as requested
 * @param next     the marker that continues after this page: the largest id in it, or the
 *                 request's marker when the page is empty; empty only for an empty page read
 *                 without a marker
 * @param previous the request that reads the events just before this page; empty when none
 *                 precede it. When fewer than a page precede it, it reads the oldest events in
 *                 ascending order without a marker, so it may overlap this page.
 */
public record EventPage(List<StoredEvent> events, Optional<EventId> next, Optional<EventPageRequest> previous) {

    public EventPage {
        events = List.copyOf(events);
        Objects.requireNonNull(next, "next must not be null");
        Objects.requireNonNull(previous, "previous must not be null");
    }

    /**
     * Builds the page every log implementation returns, so they all answer alike.
     *
     * @param request            what the reader asked for
     * @param selected           the events chosen for the page, in any order
     * @param precedingNewestFirst up to {@code request.limit() + 1} ids of the matching events
     *                           older than the page (older than the marker when the page is
     *                           empty), newest first
     */
    public static EventPage of(EventPageRequest request, List<StoredEvent> selected, List<EventId> precedingNewestFirst) {
        List<StoredEvent> ordered = new ArrayList<>(selected);
        Comparator<StoredEvent> byId = Comparator.comparing(StoredEvent::id);
        ordered.sort(request.direction() == SortDirection.ASC ? byId : byId.reversed());
        Optional<EventId> next = selected.stream().map(StoredEvent::id).max(Comparator.naturalOrder())
                .or(request::after);
        Optional<EventPageRequest> previous;
        if (precedingNewestFirst.isEmpty()) {
            previous = Optional.empty();
        } else if (precedingNewestFirst.size() > request.limit()) {
            EventId marker = precedingNewestFirst.get(request.limit());
            previous = Optional.of(new EventPageRequest(Optional.of(marker), request.limit(), request.direction()));
        } else {
            previous = Optional.of(new EventPageRequest(Optional.empty(), request.limit(), SortDirection.ASC));
        }
        return new EventPage(ordered, next, previous);
    }
}
