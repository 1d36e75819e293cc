package io.agentevents.domain;

import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.ActivationScope;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.activation.SingleAgent;
import io.agentevents.domain.session.AgentSession;
import java.time.Instant;
import java.util.UUID;

/** Builders shared by the tests of every module; each call makes fresh ids. */
public final class TestSessions {

    public static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    private TestSessions() {
    }

    public static ProjectId newProject() {
        return new ProjectId("p-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static AgentId newAgent() {
        return new AgentId(UUID.randomUUID());
    }

    public static RequestId newRequest() {
        return new RequestId(UUID.randomUUID());
    }

    public static AgentSession newSession() {
        return AgentSession.start(newProject(), newAgent());
    }

    public static Activation projectActivation(Mode mode, Instant at) {
        return Activation.request(ActivationScope.wholeProject(), mode, at, newRequest(), Schedules.defaults());
    }

    public static Activation agentActivation(AgentId agent, Mode mode, Instant at) {
        return Activation.request(new SingleAgent(agent), mode, at, newRequest(), Schedules.defaults());
    }
}
