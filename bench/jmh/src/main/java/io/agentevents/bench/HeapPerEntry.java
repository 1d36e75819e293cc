package io.agentevents.bench;

import io.agentevents.application.memory.InMemoryAgentSessionRepository;
import io.agentevents.application.memory.InMemoryProjectActivations;
import io.agentevents.application.memory.log.InMemoryEventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.activation.WholeProject;
import io.agentevents.domain.event.HeartbeatRecorded;
import io.agentevents.domain.session.AgentSession;
import java.time.Clock;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Heap per idle agent session and per stored event in the in-memory store: the heap in use after
 * a full collection, before and after storing a million of each, divided by a million.
 * Ids are made afresh for every entry, as requests parse them from paths and bodies: nothing is
 * shared that a running service would not share. Run with a fixed heap and the serial collector:
 * {@code java -Xms4g -Xmx4g -XX:+UseSerialGC -cp benchmarks.jar io.agentevents.bench.HeapPerEntry}
 */
public final class HeapPerEntry {

    private static final int ENTRIES = 1_000_000;
    private static final int PROJECTS = 100;
    private static final int AGENTS_PER_PROJECT_FOR_EVENTS = 1_000;

    public static void main(String[] args) {
        Schedules schedules = Schedules.defaults();
        Instant now = Instant.parse("2026-11-27T10:00:00Z");

        long before = usedAfterGc();
        InMemoryAgentSessionRepository sessions = new InMemoryAgentSessionRepository(new InMemoryProjectActivations());
        for (int i = 0; i < ENTRIES; i++) {
            ProjectId project = new ProjectId(new String("project-" + (i % PROJECTS)));
            AgentSession idle = AgentSession.start(project, new AgentId(UUID.randomUUID()))
                    .recordCheckIn(now.plusMillis(i), Optional.empty(), schedules).next();
            sessions.insert(idle);
        }
        long withSessions = usedAfterGc();
        System.out.printf("heap per idle agent session: %d bytes (%d sessions, %d projects)%n",
                (withSessions - before) / ENTRIES, ENTRIES, PROJECTS);

        InMemoryEventLog log = new InMemoryEventLog(Clock.systemUTC());
        List<AgentId> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS_PER_PROJECT_FOR_EVENTS; i++) {
            agents.add(new AgentId(UUID.randomUUID()));
        }
        long beforeEvents = usedAfterGc();
        ProjectId project = new ProjectId("events");
        for (int i = 0; i < ENTRIES; i++) {
            RequestId request = new RequestId(UUID.randomUUID());
            Instant at = now.plusMillis(i);
            NewEvent event = i % 100 == 0
                    ? NewEvent.of(Activation.request(WholeProject.INSTANCE, Mode.ACTIVE, at, request, schedules))
                    : new NewEvent(new HeartbeatRecorded(AgentId.parse(agents.get(i % agents.size()).toString()), false, at),
                            request);
            log.append(project, List.of(event));
        }
        long withEvents = usedAfterGc();
        System.out.printf("heap per stored event: %d bytes (%d events: 99%% heartbeats, 1%% project activations)%n",
                (withEvents - beforeEvents) / ENTRIES, ENTRIES);
        // Keep both alive until measured.
        if (sessions.find(new ProjectId("project-1"), agents.get(0)).isPresent() || log.hashCode() == 42) {
            System.out.println();
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
