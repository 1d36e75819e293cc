package io.agentevents.application.port.in.agent;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.agent.SettingChange;
import java.util.List;
import java.util.Objects;

/**
 * Changes an agent's settings, in the order given, as one unit.
 *
 * @param changes at least one
 */
public record UpdateAgentCommand(Caller caller, ProjectId project, AgentId agent, List<SettingChange> changes,
                                 RequestId requestId) {

    public UpdateAgentCommand {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("the patch must hold at least one operation");
        }
        Objects.requireNonNull(requestId, "requestId must not be null");
    }
}
