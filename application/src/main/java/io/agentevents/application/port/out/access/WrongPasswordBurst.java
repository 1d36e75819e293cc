package io.agentevents.application.port.out.access;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Wrong passwords for one agent, or from one address, have begun to be answered late: told once
 * per burst, not once per try. Further failures of the same key are only counted, until it has
 * been quiet for {@code quietToForget}.
 *
 * @param agent   the agent guessed at, when the burst is an agent's; empty for an address's
 * @param address where the latest wrong password came from; empty if unknown
 */
public record WrongPasswordBurst(ProjectId project, Optional<AgentId> agent, String address, int inARow,
                                 Duration quietToForget) {

    public WrongPasswordBurst {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(quietToForget, "quietToForget");
    }
}
