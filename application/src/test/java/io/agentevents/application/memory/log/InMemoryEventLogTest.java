package io.agentevents.application.memory.log;

import static io.agentevents.domain.TestSessions.T0;
import static io.agentevents.domain.TestSessions.agentActivation;
import static io.agentevents.domain.TestSessions.newAgent;
import static io.agentevents.domain.TestSessions.newProject;
import static io.agentevents.domain.TestSessions.newRequest;
import static io.agentevents.domain.TestSessions.projectActivation;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.memory.InMemoryEventSignals;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.EventLogContract;
import io.agentevents.application.port.out.EventSignals;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.AgentShutDown;
import io.agentevents.domain.event.AgentStartedUp;
import io.agentevents.domain.event.HeartbeatRecorded;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryEventLogTest extends EventLogContract {

    private final InMemoryEventSignals signals = new InMemoryEventSignals();

    @Override
    protected EventLog eventLog(Clock clock) {
        return new InMemoryEventLog(signals, clock);
    }

    @Test
    void append_signalsEachFeedItReachedOnce_andNoneForHeartbeats() {
        List<String> raised = new ArrayList<>();
        signals.listen(new EventSignals.Listener() {
            @Override
            public void appended(ProjectId project, Optional<AgentId> agent) {
                raised.add(project + " " + agent.map(AgentId::toString).orElse("*"));
            }

            @Override
            public void mayHaveMissedSome() {
            }
        });
        InMemoryEventLog log = new InMemoryEventLog(signals, clock);
        ProjectId project = newProject();
        AgentId first = newAgent();
        AgentId second = newAgent();

        log.append(project, List.of(new NewEvent(new HeartbeatRecorded(first, false, T0), newRequest())));
        assertThat(raised).isEmpty();

        log.append(project, List.of(
                new NewEvent(new HeartbeatRecorded(first, false, T0), newRequest()),
                new NewEvent(new AgentStartedUp(first, T0), newRequest()),
                NewEvent.of(projectActivation(Mode.ACTIVE, T0)),
                new NewEvent(new AgentShutDown(first, T0), newRequest()),
                NewEvent.of(agentActivation(second, Mode.REAL_TIME, T0)),
                NewEvent.of(projectActivation(Mode.IDLE, T0))));
        assertThat(raised).containsExactly(project + " " + first, project + " *", project + " " + second);

        raised.clear();
        log.append(project, List.of(new NewEvent(new AgentStartedUp(second, T0), newRequest())));
        assertThat(raised).containsExactly(project + " " + second);
    }
}
