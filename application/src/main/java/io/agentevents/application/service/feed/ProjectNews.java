package io.agentevents.application.service.feed;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.event.StoredEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One read of a project's new feed events, sorted by agent once so each waiting agent finds its
 * own feed in it (its events and the project's activations) without going through all of it.
 */
final class ProjectNews {

    private final Map<AgentId, List<StoredEvent>> byAgent = new HashMap<>();
    private final List<StoredEvent> projectWide = new ArrayList<>();

    /** @param events oldest first, as read */
    ProjectNews(List<StoredEvent> events) {
        for (StoredEvent stored : events) {
            stored.event().agent().ifPresentOrElse(
                    agent -> byAgent.computeIfAbsent(agent, ignored -> new ArrayList<>()).add(stored),
                    () -> projectWide.add(stored));
        }
    }

    /** The agent's feed events after {@code marker} among them, oldest first. */
    List<StoredEvent> feedOf(AgentId agent, long marker) {
        List<StoredEvent> own = byAgent.getOrDefault(agent, List.of());
        int o = firstAfter(own, marker);
        int p = firstAfter(projectWide, marker);
        List<StoredEvent> merged = new ArrayList<>(own.size() - o + projectWide.size() - p);
        while (o < own.size() || p < projectWide.size()) {
            boolean ownFirst = p == projectWide.size()
                    || (o < own.size() && own.get(o).id().value() < projectWide.get(p).id().value());
            merged.add(ownFirst ? own.get(o++) : projectWide.get(p++));
        }
        return merged;
    }

    private static int firstAfter(List<StoredEvent> events, long marker) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (events.get(middle).id().value() <= marker) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
