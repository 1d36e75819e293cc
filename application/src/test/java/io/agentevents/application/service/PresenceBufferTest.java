package io.agentevents.application.service;

import static io.agentevents.domain.TestSessions.T0;
import static io.agentevents.domain.TestSessions.newAgent;
import static io.agentevents.domain.TestSessions.newProject;
import static io.agentevents.domain.TestSessions.newRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.domain.RequestId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PresenceBufferTest {

    private final PresenceBuffer buffer = new PresenceBuffer();
    private final AgentKey agent = new AgentKey(newProject(), newAgent());

    @Test
    void manyCallsOfOneAgent_leaveOneEntry_withTheLatestTimeAndRequest() {
        RequestId last = newRequest();
        buffer.heartbeat(agent, T0, true, newRequest());
        buffer.checkIn(agent, T0.plusSeconds(2), last);
        buffer.checkIn(agent, T0.plusSeconds(1), newRequest());

        Map<AgentKey, PresenceBuffer.Observation> drained = buffer.drain();

        assertThat(drained).containsOnlyKeys(agent);
        assertThat(drained.get(agent)).isEqualTo(new PresenceBuffer.Observation(T0.plusSeconds(2), Optional.of(true), last));
        assertThat(buffer.size()).isZero();
    }

    @Test
    void aLaterHeartbeat_decidesBusy() {
        buffer.heartbeat(agent, T0, true, newRequest());
        buffer.heartbeat(agent, T0.plusSeconds(1), false, newRequest());

        assertThat(buffer.drain().get(agent).busy()).contains(false);
    }

    @Test
    void restore_putsBackWhatAFailedFlushDrained_keepingNewerCalls() {
        buffer.heartbeat(agent, T0, true, newRequest());
        Map<AgentKey, PresenceBuffer.Observation> drained = buffer.drain();
        buffer.checkIn(agent, T0.plusSeconds(5), newRequest());

        buffer.restore(drained);

        PresenceBuffer.Observation merged = buffer.take(agent).orElseThrow();
        assertThat(merged.seenAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(merged.busy()).contains(true);
    }

    @Test
    void whatAFlushIsWriting_staysReadable_untilItIsWritten_mergedWithWhatCameSince() {
        buffer.heartbeat(agent, T0, true, newRequest());
        Map<AgentKey, PresenceBuffer.Observation> drained = buffer.drain();

        assertThat(buffer.peek(agent)).as("drained, not yet written").hasValueSatisfying(seen -> {
            assertThat(seen.seenAt()).isEqualTo(T0);
            assertThat(seen.busy()).contains(true);
        });
        assertThat(buffer.size()).as("nothing waits for the next flush").isZero();
        buffer.checkIn(agent, T0.plusSeconds(5), newRequest());
        assertThat(buffer.peek(agent)).hasValueSatisfying(seen -> {
            assertThat(seen.seenAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(seen.busy()).contains(true);
        });

        buffer.written(drained);

        assertThat(buffer.peek(agent).orElseThrow().seenAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(buffer.peek(agent).orElseThrow().busy()).as("the heartbeat is in the store now").isEmpty();
        buffer.take(agent);
        assertThat(buffer.peek(agent)).isEmpty();
    }
}
