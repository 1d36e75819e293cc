package io.agentevents.application.port.in.feed;

import io.agentevents.domain.event.EventPage;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of an agent's feed.
 *
 * @param directive present when the agent itself polled: its mode and poll interval
 */
public record AgentEventsPage(EventPage page, Optional<PollDirective> directive) {

    public AgentEventsPage {
        Objects.requireNonNull(page, "page must not be null");
        Objects.requireNonNull(directive, "directive must not be null");
    }
}
