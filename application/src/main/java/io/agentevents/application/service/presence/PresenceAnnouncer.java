package io.agentevents.application.service.presence;

import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.application.port.out.presence.AnnouncedPresence;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.session.AgentCameOnline;
import io.agentevents.domain.session.AgentWentOffline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns presence flips into {@code agent_online} / {@code agent_offline} events, each appended in
 * the transaction that marks it ({@link AnnouncedPresence}), so the feed says what was announced
 * and nothing twice. With presence events off it only appends what it is given.
 */
public final class PresenceAnnouncer {

    /** An agent's check-in written by the caller's transaction, and the request that showed it. */
    public record Seen(Instant at, RequestId request) {
    }

    /** Projects in name order: two transactions lock the counters of the projects they share in one order. */
    private static final Comparator<ProjectId> BY_NAME = Comparator.comparing(ProjectId::value);

    private final Optional<AnnouncedPresence> announced;
    private final EventLog eventLog;

    private PresenceAnnouncer(Optional<AnnouncedPresence> announced, EventLog eventLog) {
        this.announced = announced;
        this.eventLog = eventLog;
    }

    public static PresenceAnnouncer off(EventLog eventLog) {
        return new PresenceAnnouncer(Optional.empty(), eventLog);
    }

    public static PresenceAnnouncer on(AnnouncedPresence announced, EventLog eventLog) {
        return new PresenceAnnouncer(Optional.of(announced), eventLog);
    }

    /**
     * Appends each project's {@code events}, and before them an {@code agent_online} for each of
     * the {@code seen} agents not announced online yet. In the caller's transaction, after the
     * check-ins were written in it.
     */
    public void appendSeen(Map<ProjectId, List<NewEvent>> events, Map<AgentKey, Seen> seen) {
        if (announced.isEmpty() || seen.isEmpty()) {
            appendInOrder(events);
            return;
        }
        announced.get().exclusively(() -> {
            Set<AgentKey> flipped = announced.get().markOnline(seen.keySet());
            Map<ProjectId, List<NewEvent>> all = new TreeMap<>(BY_NAME);
            for (AgentKey agent : flipped) {
                Seen showed = seen.get(agent);
                add(all, agent.project(), new NewEvent(new AgentCameOnline(agent.agent(), showed.at()), showed.request()));
            }
            events.forEach((project, more) -> more.forEach(event -> add(all, project, event)));
            appendInOrder(all);
            return null;
        });
    }

    /**
     * Announces the agent offline if it was announced online: its shutdown was written in the
     * caller's transaction, its last check-in unchanged.
     */
    public void shutDown(AgentKey agent, Optional<Instant> lastCheckIn, Instant at, RequestId request) {
        announced.ifPresent(marks -> marks.exclusively(() -> {
            if (marks.markOffline(agent, lastCheckIn)) {
                eventLog.append(agent.project(), List.of(new NewEvent(new AgentWentOffline(agent.agent(), at), request)));
            }
            return null;
        }));
    }

    /**
     * Announces offline each of these agents that is still announced online and has not checked in
     * since it was read. In the caller's transaction.
     *
     * @return how many were announced
     */
    public int wentOffline(Collection<CoveredSession> offline, Instant at, RequestId request) {
        if (announced.isEmpty()) {
            return 0;
        }
        AnnouncedPresence marks = announced.get();
        return marks.exclusively(() -> {
            Map<ProjectId, List<NewEvent>> events = new TreeMap<>(BY_NAME);
            int flipped = 0;
            for (CoveredSession covered : offline) {
                AgentKey agent = new AgentKey(covered.session().project(), covered.session().agent());
                if (marks.markOffline(agent, covered.session().lastCheckInAt())) {
                    add(events, agent.project(), new NewEvent(new AgentWentOffline(agent.agent(), at), request));
                    flipped++;
                }
            }
            events.forEach(eventLog::append);
            return flipped;
        });
    }

    private void appendInOrder(Map<ProjectId, List<NewEvent>> events) {
        if (events.size() < 2) {
            events.forEach(eventLog::append);
            return;
        }
        Map<ProjectId, List<NewEvent>> ordered = new TreeMap<>(BY_NAME);
        ordered.putAll(events);
        ordered.forEach(eventLog::append);
    }

    private static void add(Map<ProjectId, List<NewEvent>> events, ProjectId project, NewEvent event) {
        events.computeIfAbsent(project, ignored -> new ArrayList<>()).add(event);
    }
}
