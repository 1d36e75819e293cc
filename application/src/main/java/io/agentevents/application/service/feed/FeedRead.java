package io.agentevents.application.service.feed;

import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.session.AgentSession;
import java.util.Optional;

/**
 * A page of an agent's feed as read, with the session and project activation its mode is worked
 * out from: present when the agent itself read it (a user's page tells no mode). Stays inside
 * the application.
 */
record FeedRead(EventPage page, Optional<CoveredSession> session) {

    boolean isEmpty() {
        return page.events().isEmpty();
    }
}
