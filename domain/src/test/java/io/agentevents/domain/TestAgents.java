package io.agentevents.domain;

import io.agentevents.domain.agent.AgentHost;
import io.agentevents.domain.agent.AgentSettings;
import io.agentevents.domain.agent.Flavor;
import io.agentevents.domain.agent.IpAddress;
import io.agentevents.domain.agent.RegisteredAgent;
import io.agentevents.domain.agent.RsaPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Agents shaped like the reference's example registration, for the tests of every module. */
public final class TestAgents {

    public static final OperatingSystem UBUNTU = new OperatingSystem("Ubuntu", "14.04", "64-bit");
    public static final RsaPublicKey KEY = new RsaPublicKey("E14F9A88DCFF94478E9FD16ED2CF838AE961FF981F0CA453", "10001");

    private TestAgents() {
    }

    /** A nova host in DFW with one address of each version; {@code tag} makes its ids its own. */
    public static AgentHost host(String tag) {
        return new AgentHost(Flavor.NOVA, Optional.of("DFW"), "machine-" + tag, UBUNTU, "fp-" + tag,
                List.of(new IpAddress(4, "67.23.10.132"), new IpAddress(6, "::babe:4317:0A83")));
    }

    public static RegisteredAgent agent(ProjectId project, String name, Instant registeredAt) {
        return new RegisteredAgent(project, TestSessions.newAgent(), name, "1.23.008344", host(name), Optional.of(KEY),
                AgentSettings.initial(Flavor.NOVA, Optional.empty()), registeredAt);
    }
}
