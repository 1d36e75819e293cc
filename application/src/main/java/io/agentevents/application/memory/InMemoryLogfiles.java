package io.agentevents.application.memory;

import io.agentevents.application.port.out.Logfiles;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.request.Logfile;
import io.agentevents.domain.request.LogfileState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Log files in memory: each agent's, oldest first, changed as a whole list at a time (an agent has few). */
public class InMemoryLogfiles implements Logfiles {

    private record AgentKey(ProjectId project, AgentId agent) {
    }

    private static final Comparator<Logfile> OLDEST_FIRST = Comparator.comparing(Logfile::date)
            .thenComparing(logfile -> logfile.id().value());

    private final ConcurrentMap<AgentKey, List<Logfile>> logfiles = new ConcurrentHashMap<>();

    @Override
    public void add(Logfile logfile) {
        logfiles.compute(new AgentKey(logfile.project(), logfile.agent()), (key, kept) -> {
            List<Logfile> next = kept == null ? new ArrayList<>() : new ArrayList<>(kept);
            if (next.stream().anyMatch(existing -> existing.id().equals(logfile.id()))) {
                throw new IllegalStateException("log file " + logfile.id() + " is kept already");
            }
            next.add(logfile);
            next.sort(OLDEST_FIRST);
            return List.copyOf(next);
        });
    }

    @Override
    public List<Logfile> list(ProjectId project, AgentId agent) {
        return logfiles.getOrDefault(new AgentKey(project, agent), List.of());
    }

    @Override
    public Optional<Logfile> find(ProjectId project, AgentId agent, RequestId logfile) {
        return list(project, agent).stream().filter(kept -> kept.id().equals(logfile)).findFirst();
    }

    @Override
    public boolean advance(ProjectId project, AgentId agent, RequestId logfile, LogfileState expected, LogfileState next) {
        boolean[] moved = {false};
        logfiles.computeIfPresent(new AgentKey(project, agent), (key, kept) -> kept.stream().map(existing -> {
            if (existing.id().equals(logfile) && existing.state() == expected) {
                moved[0] = true;
                return existing.withState(next);
            }
            return existing;
        }).toList());
        return moved[0];
    }

    @Override
    public boolean remove(ProjectId project, AgentId agent, RequestId logfile) {
        boolean[] removed = {false};
        logfiles.computeIfPresent(new AgentKey(project, agent), (key, kept) -> {
            List<Logfile> next = kept.stream().filter(existing -> !existing.id().equals(logfile)).toList();
            removed[0] = next.size() < kept.size();
            return next.isEmpty() ? null : next;
        });
        return removed[0];
    }

    @Override
    public void removeAll(ProjectId project, AgentId agent) {
        logfiles.remove(new AgentKey(project, agent));
    }
}
