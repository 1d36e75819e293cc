package io.agentevents.application.service;

import io.agentevents.application.port.in.feed.WatchAgentEventsUseCase;
import io.agentevents.application.port.out.EventSignals;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node's register of waiting polls, fed by the store's signals. A watch costs one small
 * object in a per-project set: no thread waits.
 */
public class WatchAgentEventsService implements WatchAgentEventsUseCase, EventSignals.Listener {

    private record Watcher(AgentId agent, Runnable onChange) {
    }

    private final ConcurrentMap<ProjectId, Set<Watcher>> watchers = new ConcurrentHashMap<>();
    private final AtomicInteger watching = new AtomicInteger();

    public WatchAgentEventsService(EventSignals signals) {
        signals.listen(this);
    }

    @Override
    public Watch watch(ProjectId project, AgentId agent, Runnable onChange) {
        Watcher watcher = new Watcher(agent, onChange);
        watchers.computeIfAbsent(project, ignored -> ConcurrentHashMap.newKeySet()).add(watcher);
        watching.incrementAndGet();
        return new Watch() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    watching.decrementAndGet();
                    watchers.computeIfPresent(project, (key, set) -> {
                        set.remove(watcher);
                        return set.isEmpty() ? null : set;
                    });
                }
            }
        };
    }

    /** How many polls are waiting on this node now. */
    public int watching() {
        return watching.get();
    }

    @Override
    public void appended(ProjectId project, Optional<AgentId> agent) {
        Set<Watcher> waiting = watchers.get(project);
        if (waiting == null) {
            return;
        }
        for (Watcher watcher : waiting) {
            if (agent.isEmpty() || agent.get().equals(watcher.agent())) {
                watcher.onChange().run();
            }
        }
    }

    @Override
    public void mayHaveMissedSome() {
        watchers.values().forEach(set -> set.forEach(watcher -> watcher.onChange().run()));
    }
}
