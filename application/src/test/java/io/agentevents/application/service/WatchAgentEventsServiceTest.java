package io.agentevents.application.service;

import static io.agentevents.domain.TestSessions.T0;
import static io.agentevents.domain.TestSessions.newAgent;
import static io.agentevents.domain.TestSessions.newProject;
import static io.agentevents.domain.TestSessions.newRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.memory.InMemoryEventLog;
import io.agentevents.application.memory.InMemoryEventSignals;
import io.agentevents.application.port.in.feed.WatchAgentEventsUseCase;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.AgentStartedUp;
import io.agentevents.domain.event.HeartbeatRecorded;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WatchAgentEventsServiceTest {

    private final InMemoryEventSignals signals = new InMemoryEventSignals();
    private final InMemoryEventLog log = new InMemoryEventLog(signals, java.time.Clock.systemUTC());
    private final WatchAgentEventsService watch = new WatchAgentEventsService(signals);
    private final ProjectId project = newProject();
    private final AgentId agent = newAgent();
    private final AtomicInteger woken = new AtomicInteger();

    @Test
    void watcher_wakesForItsOwnEventsAndProjectActivationsOnly() {
        watch.watch(project, agent, woken::incrementAndGet);

        log.append(project, List.of(new NewEvent(new AgentStartedUp(newAgent(), T0), newRequest())));
        log.append(newProject(), List.of(NewEvent.of(TestSessions.projectActivation(Mode.ACTIVE, T0))));
        log.append(project, List.of(new NewEvent(new HeartbeatRecorded(agent, false, T0), newRequest())));
        assertThat(woken).hasValue(0);

        log.append(project, List.of(new NewEvent(new AgentStartedUp(agent, T0), newRequest())));
        log.append(project, List.of(NewEvent.of(TestSessions.projectActivation(Mode.ACTIVE, T0))));
        log.append(project, List.of(NewEvent.of(TestSessions.agentActivation(agent, Mode.REAL_TIME, T0))));
        assertThat(woken).hasValue(3);
    }

    @Test
    void closedWatch_isNeverWokenAgain_andIsNoLongerCounted() {
        WatchAgentEventsUseCase.Watch registered = watch.watch(project, agent, woken::incrementAndGet);
        assertThat(watch.watching()).isEqualTo(1);

        registered.close();
        registered.close();
        log.append(project, List.of(NewEvent.of(TestSessions.projectActivation(Mode.ACTIVE, T0))));

        assertThat(woken).hasValue(0);
        assertThat(watch.watching()).isZero();
    }

    @Test
    void lostSignals_wakeEveryWatcher() {
        watch.watch(project, agent, woken::incrementAndGet);
        watch.watch(newProject(), newAgent(), woken::incrementAndGet);

        watch.mayHaveMissedSome();

        assertThat(woken).hasValue(2);
    }
}
