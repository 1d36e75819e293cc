package io.agentevents.domain.session;

import io.agentevents.domain.event.AgentEvent;
import java.util.List;
import java.util.Objects;

/**
 * The result of a behaviour of {@link AgentSession}: the state to store and the events to
 * append to the project's log (possibly none).
 */
public record SessionChange(AgentSession next, List<AgentEvent> events) {

    public SessionChange {
        Objects.requireNonNull(next, "next must not be null");
        events = List.copyOf(events);
    }
}
