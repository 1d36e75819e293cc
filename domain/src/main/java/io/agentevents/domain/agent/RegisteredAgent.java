package io.agentevents.domain.agent;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.event.AgentRegistered;
import java.time.Instant;
import java.util.Objects;

/**
 * An agent as registered in its project.
 *
 * @param project      its project
 * @param id           the id handed out at registration
 * @param name         the agent's display name
 * @param version      the agent software's version
 * @param host         the machine it runs on
 * @param registeredAt when it was registered
 */
public record RegisteredAgent(ProjectId project, AgentId id, String name, String version, AgentHost host,
                              Instant registeredAt) {

    public RegisteredAgent {
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(id, "id must not be null");
        TextFields.requireText(name, "name");
        TextFields.requireText(version, "version");
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(registeredAt, "registeredAt must not be null");
    }

    /** The event that announces the registration in the project's log. */
    public AgentRegistered registeredEvent() {
        return new AgentRegistered(id, name, host.os(), registeredAt);
    }
}
