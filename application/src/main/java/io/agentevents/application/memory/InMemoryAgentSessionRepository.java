package io.agentevents.application.memory;

import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.ProjectActivations;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.SessionChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sessions in memory, kept without the project's activation, which is attached on every read
 * from the store's {@link ProjectActivations}, as the port asks.
 */
public class InMemoryAgentSessionRepository implements AgentSessionRepository {

    private record Key(ProjectId project, AgentId agent) {
    }

    private final ConcurrentMap<Key, AgentSession> sessions = new ConcurrentHashMap<>();
    private final ProjectActivations projectActivations;

    /** @param projectActivations where the project activations attached to sessions are read */
    public InMemoryAgentSessionRepository(ProjectActivations projectActivations) {
        this.projectActivations = projectActivations;
    }

    @Override
    public Optional<AgentSession> find(ProjectId project, AgentId agent) {
        return Optional.ofNullable(sessions.get(new Key(project, agent))).map(this::withProjectActivation);
    }

    @Override
    public void insert(AgentSession session) {
        AgentSession previous = sessions.putIfAbsent(new Key(session.project(), session.agent()), detached(session));
        if (previous != null) {
            throw new IllegalStateException("agent " + session.agent() + " already has a session");
        }
    }

    @Override
    public Optional<SessionChange> update(ProjectId project, AgentId agent,
                                          Function<AgentSession, SessionChange> change) {
        SessionChange[] applied = new SessionChange[1];
        // compute() runs the change atomically per key; if it throws, nothing is stored.
        sessions.computeIfPresent(new Key(project, agent), (key, stored) -> {
            applied[0] = change.apply(withProjectActivation(stored));
            return detached(applied[0].next());
        });
        return Optional.ofNullable(applied[0]);
    }

    @Override
    public List<SessionChange> updateAll(Map<AgentKey, Function<AgentSession, SessionChange>> changes) {
        List<SessionChange> applied = new ArrayList<>(changes.size());
        changes.forEach((key, change) -> update(key.project(), key.agent(), change).ifPresent(applied::add));
        return applied;
    }

    @Override
    public boolean delete(ProjectId project, AgentId agent) {
        return sessions.remove(new Key(project, agent)) != null;
    }

    @Override
    public void forEachSeenSince(Instant since, Consumer<AgentSession> action) {
        sessions.values().stream()
                .filter(session -> session.lastCheckInAt().filter(seen -> !seen.isBefore(since)).isPresent())
                .map(this::withProjectActivation)
                .forEach(action);
    }

    private AgentSession withProjectActivation(AgentSession stored) {
        return new AgentSession(stored.project(), stored.agent(), projectActivations.find(stored.project()),
                stored.agentActivation(), stored.lastCheckInAt(), stored.lastHeartbeatEventAt(), stored.busy(),
                stored.shutDown());
    }

    private static AgentSession detached(AgentSession session) {
        return new AgentSession(session.project(), session.agent(), Optional.empty(), session.agentActivation(),
                session.lastCheckInAt(), session.lastHeartbeatEventAt(), session.busy(), session.shutDown());
    }
}
