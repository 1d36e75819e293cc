package io.agentevents.domain.session;

import io.agentevents.domain.event.AgentEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The result of a behaviour of {@link AgentSession}: the state to store and the events to
 * append to the project's log (possibly none).
 */
public record SessionChange(AgentSession next, List<AgentEvent> events) {

    public SessionChange {
        Objects.requireNonNull(next, "next must not be null");
        events = List.copyOf(events);
    }

    /** This change followed by another behaviour on its result: the final state, and the events of both in order. */
    public SessionChange then(Function<AgentSession, SessionChange> behaviour) {
        SessionChange following = behaviour.apply(next);
        List<AgentEvent> all = new ArrayList<>(events);
        all.addAll(following.events());
        return new SessionChange(following.next(), all);
    }
}
