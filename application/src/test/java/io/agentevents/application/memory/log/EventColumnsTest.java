package io.agentevents.application.memory.log;

import static io.agentevents.domain.TestSessions.T0;
import static io.agentevents.domain.TestSessions.newAgent;
import static io.agentevents.domain.TestSessions.newRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.ActivationScope;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.SingleAgent;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.AgentDeleted;
import io.agentevents.domain.event.AgentEvent;
import io.agentevents.domain.event.AgentRegistered;
import io.agentevents.domain.event.AgentShutDown;
import io.agentevents.domain.event.AgentStartedUp;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.HeartbeatRecorded;
import io.agentevents.domain.event.StoredEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.domain.TestAgents;
import io.agentevents.domain.event.ConfigurationChanged;

class EventColumnsTest {

    private static final Instant WITH_NANOS = T0.plusNanos(123_456_789);

    private final EventColumns columns = new EventColumns(EventLog.MIN_FIRST_ID);

    private StoredEvent append(AgentEvent event, RequestId requestId) {
        return new StoredEvent(new EventId(columns.append(event, requestId)), event, requestId);
    }

    private static AgentActivated activation(ActivationScope scope, Mode mode, Instant at, Optional<Instant> expiresAt,
                                             RequestId requestId) {
        return new AgentActivated(new Activation(scope, mode, at, expiresAt, requestId));
    }

    @Test
    void everyKindOfEvent_readsBackEqual_toTheNanosecond() {
        AgentId agent = newAgent();
        List<StoredEvent> stored = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            RequestId project = newRequest();
            stored.add(append(activation(ActivationScope.wholeProject(), mode, WITH_NANOS,
                    Optional.of(WITH_NANOS.plusSeconds(600).plusNanos(1)), project), project));
            RequestId single = newRequest();
            stored.add(append(activation(new SingleAgent(agent), mode, WITH_NANOS, Optional.empty(), single), single));
        }
        stored.add(append(new HeartbeatRecorded(agent, true, WITH_NANOS), newRequest()));
        stored.add(append(new HeartbeatRecorded(agent, false, WITH_NANOS.plusNanos(1)), newRequest()));
        stored.add(append(new AgentStartedUp(agent, WITH_NANOS), newRequest()));
        stored.add(append(new AgentShutDown(agent, WITH_NANOS), newRequest()));
        stored.add(append(new AgentDeleted(agent, WITH_NANOS), newRequest()));
        stored.add(append(new AgentRegistered(agent, "web-1", TestAgents.UBUNTU, WITH_NANOS), newRequest()));
        stored.add(append(new ConfigurationChanged(agent, WITH_NANOS), newRequest()));

        for (StoredEvent event : stored) {
            assertThat(columns.event(event.id().value())).isEqualTo(event);
        }
        assertThat(columns.size()).isEqualTo(stored.size());
    }

    @Test
    void anActivationUnderAnotherRequestsId_isKeptAsItCame() {
        RequestId activationRequest = newRequest();
        RequestId otherRequest = newRequest();
        StoredEvent stored = append(activation(ActivationScope.wholeProject(), Mode.ACTIVE, T0, Optional.empty(),
                activationRequest), otherRequest);

        assertThat(columns.event(stored.id().value())).isEqualTo(stored);
    }

    /**
     * Appends and purges, at random, far past the first capacities and back: after each step the
     * columns hold exactly the events a plain list says they should, with consecutive ids, and a
     * log purged down to a few events gives its room back.
     */
    @Test
    void appendsAndPurges_keepExactlyTheNewerEvents_andGiveRoomBack() {
        Random random = new Random(20261127);
        Deque<StoredEvent> expected = new ArrayDeque<>();
        AgentId agent = newAgent();
        Instant clock = WITH_NANOS;
        for (int step = 0; step < 400; step++) {
            int appends = random.nextInt(step < 200 ? 300 : 40);
            for (int i = 0; i < appends; i++) {
                clock = clock.plusNanos(1 + random.nextInt(2_000_000_000));
                RequestId requestId = newRequest();
                int kind = random.nextInt(20);
                AgentEvent event = kind == 0 ? new AgentRegistered(agent, "web-" + step, TestAgents.UBUNTU, clock)
                        : kind < 10 ? new HeartbeatRecorded(agent, random.nextBoolean(), clock)
                        : activation(ActivationScope.wholeProject(), Mode.REAL_TIME, clock,
                        Optional.of(clock.plusSeconds(300)), requestId);
                expected.addLast(append(event, requestId));
            }
            if (random.nextInt(3) == 0 && !expected.isEmpty()) {
                List<StoredEvent> held = new ArrayList<>(expected);
                Instant cutoff = held.get(random.nextInt(held.size())).event().at().plusNanos(random.nextInt(2) - 1);
                int before = expected.size();
                while (!expected.isEmpty() && expected.peekFirst().event().at().isBefore(cutoff)) {
                    expected.removeFirst();
                }
                assertThat(columns.purgeBefore(cutoff)).isEqualTo(before - expected.size());
            }
            assertThat(columns.size()).isEqualTo(expected.size());
            int index = 0;
            for (StoredEvent event : expected) {
                assertThat(columns.idAt(index++)).isEqualTo(event.id().value());
                assertThat(columns.event(event.id().value())).isEqualTo(event);
            }
        }
        columns.purgeBefore(clock);
        assertThat(columns.size()).isLessThanOrEqualTo(1);
        assertThat(columns.capacity()).isLessThanOrEqualTo(ChunkedStore.CHUNK_SIZE);
        long lastId = columns.lastId();
        assertThat(columns.append(new AgentStartedUp(agent, clock), newRequest())).isEqualTo(lastId + 1);
    }
}
