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

/** Sessions in memory, each read with its project's activation from the store's {@link ProjectActivations}. */
public class InMemoryAgentSessionRepository implements AgentSessionRepository {

    private record Key(ProjectId project, AgentId agent) {
    }

    private final ConcurrentMap<Key, AgentSession> sessions = new ConcurrentHashMap<>();
    private final ProjectActivations projectActivations;

    /** @param projectActivations where the project activations read with sessions are kept */
    public InMemoryAgentSessionRepository(ProjectActivations projectActivations) {
        this.projectActivations = projectActivations;
    }

    @Override
    public Optional<CoveredSession> find(ProjectId project, AgentId agent) {
        return Optional.ofNullable(sessions.get(new Key(project, agent))).map(this::covered);
    }

    @Override
    public void insert(AgentSession session) {
        AgentSession previous = sessions.putIfAbsent(new Key(session.project(), session.agent()), session);
        if (previous != null) {
            throw new IllegalStateException("agent " + session.agent() + " already has a session");
        }
    }

    @Override
    public Optional<SessionChange> update(ProjectId project, AgentId agent,
                                          Function<CoveredSession, SessionChange> change) {
        SessionChange[] applied = new SessionChange[1];
        // compute() runs the change atomically per key; if it throws, nothing is stored.
        sessions.computeIfPresent(new Key(project, agent), (key, stored) -> {
            applied[0] = change.apply(covered(stored));
            return applied[0].next();
        });
        return Optional.ofNullable(applied[0]);
    }

    @Override
    public List<SessionChange> updateAll(Map<AgentKey, Function<CoveredSession, SessionChange>> changes) {
        List<SessionChange> applied = new ArrayList<>(changes.size());
        changes.forEach((key, change) -> update(key.project(), key.agent(), change).ifPresent(applied::add));
        return applied;
    }

    @Override
    public boolean delete(ProjectId project, AgentId agent) {
        return sessions.remove(new Key(project, agent)) != null;
    }

    @Override
    public void forEachSeenSince(Instant since, Consumer<CoveredSession> action) {
        sessions.values().stream()
                .filter(session -> session.lastCheckInAt().filter(seen -> !seen.isBefore(since)).isPresent())
                .map(this::covered)
                .forEach(action);
    }

    private CoveredSession covered(AgentSession stored) {
        return new CoveredSession(stored, projectActivations.find(stored.project()));
    }
}
