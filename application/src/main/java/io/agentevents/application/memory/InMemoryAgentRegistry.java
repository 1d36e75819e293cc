package io.agentevents.application.memory;

import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.access.PasswordHash;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.agent.AgentSettings;
import io.agentevents.domain.agent.RegisteredAgent;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Registered agents in memory, per project. */
public class InMemoryAgentRegistry implements AgentRegistry {

    private record Entry(RegisteredAgent agent, PasswordHash passwordHash) {
    }

    private final ConcurrentMap<ProjectId, ConcurrentMap<AgentId, Entry>> projects = new ConcurrentHashMap<>();

    @Override
    public void add(RegisteredAgent agent, PasswordHash passwordHash) {
        Entry previous = projects.computeIfAbsent(agent.project(), ignored -> new ConcurrentHashMap<>())
                .putIfAbsent(agent.id(), new Entry(agent, passwordHash));
        if (previous != null) {
            throw new IllegalStateException("agent id " + agent.id() + " is already registered");
        }
    }

    @Override
    public Optional<RegisteredAgent> find(ProjectId project, AgentId agent) {
        return entry(project, agent).map(Entry::agent);
    }

    @Override
    public Optional<PasswordHash> passwordHash(ProjectId project, AgentId agent) {
        return entry(project, agent).map(Entry::passwordHash);
    }

    @Override
    public boolean replacePasswordHash(ProjectId project, AgentId agent, PasswordHash expected, PasswordHash next) {
        Map<AgentId, Entry> agents = projects.get(project);
        Entry current = agents == null ? null : agents.get(agent);
        if (current == null || !current.passwordHash().equals(expected)) {
            return false;
        }
        return agents.replace(agent, current, new Entry(current.agent(), next));
    }

    @Override
    public boolean updateSettings(ProjectId project, AgentId agent, AgentSettings expected, AgentSettings next) {
        Map<AgentId, Entry> agents = projects.get(project);
        Entry current = agents == null ? null : agents.get(agent);
        if (current == null || !current.agent().settings().equals(expected)) {
            return false;
        }
        return agents.replace(agent, current, new Entry(current.agent().withSettings(next), current.passwordHash()));
    }

    @Override
    public List<RegisteredAgent> list(ProjectId project) {
        return projects.getOrDefault(project, new ConcurrentHashMap<>()).values().stream()
                .map(Entry::agent)
                .sorted(Comparator.comparing(RegisteredAgent::registeredAt).thenComparing(agent -> agent.id().value()))
                .toList();
    }

    @Override
    public boolean remove(ProjectId project, AgentId agent) {
        Map<AgentId, Entry> agents = projects.get(project);
        return agents != null && agents.remove(agent) != null;
    }

    private Optional<Entry> entry(ProjectId project, AgentId agent) {
        return Optional.ofNullable(projects.get(project)).map(agents -> agents.get(agent));
    }
}
