package com.example.wakeup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.session.AgentStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WakeUpTest {

    private final Instant t0 = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void theReadmesExample_holdsForAReuser() {
        WakeUp agent = new WakeUp();
        agent.wakeProject(t0);
        agent.heartbeat(t0.plusSeconds(1), true);

        assertEquals(Mode.ACTIVE, agent.modeAt(t0.plusSeconds(30)));
        assertEquals(Optional.of(t0.plusSeconds(75)), agent.modeEndsAt(t0.plusSeconds(30)));
        AgentStatus status = agent.statusAt(t0.plusSeconds(3));
        assertTrue(status.online() && status.busy() && status.reliable(), status.toString());
        assertEquals(Mode.IDLE, agent.modeAt(t0.plusSeconds(75)), "the activation ran out");
    }

    @Test
    void theDomainIsANamedModule_onTheModulePath() {
        assertEquals("io.agentevents.domain", Mode.class.getModule().getName());
    }
}
