package io.agentevents.application.port.in.feed;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.domain.event.EventPage;
import java.util.concurrent.CompletionStage;

/** {@code GET /v2/{p}/events}. */
@FunctionalInterface
public interface ListProjectEventsUseCase {

    /** @throws AccessDeniedException unless a user of the project asks */
    /** @return completes with the answer, or fails with what went wrong */
    CompletionStage<EventPage> list(ListProjectEventsQuery query);
}
