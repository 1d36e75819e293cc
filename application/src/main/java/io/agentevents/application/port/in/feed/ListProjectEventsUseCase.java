package io.agentevents.application.port.in.feed;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.domain.event.EventPage;

/** {@code GET /v2/{p}/events}. */
@FunctionalInterface
public interface ListProjectEventsUseCase {

    /** @throws AccessDeniedException unless a user of the project asks */
    EventPage list(ListProjectEventsQuery query);
}
