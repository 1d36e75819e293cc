package io.agentevents.application.port.in.feed;

import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.session.AgentSession;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of an agent's feed.
 *
 * @param directive present when the agent itself polled: its mode and poll interval
 * @param session   the session the directive was worked out from, when there is one: a waiting
 *                  poll reads again from it without reading the session again
 */
public record AgentEventsPage(EventPage page, Optional<PollDirective> directive, Optional<AgentSession> session) {

    public AgentEventsPage {
        Objects.requireNonNull(page, "page must not be null");
        Objects.requireNonNull(directive, "directive must not be null");
        Objects.requireNonNull(session, "session must not be null");
    }

    public AgentEventsPage(EventPage page, Optional<PollDirective> directive) {
        this(page, directive, Optional.empty());
    }
}
