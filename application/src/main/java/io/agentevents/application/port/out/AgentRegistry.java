package io.agentevents.application.port.out;

import io.agentevents.application.port.out.access.PasswordHash;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.agent.AgentSettings;
import io.agentevents.domain.agent.RegisteredAgent;
import java.util.List;
import java.util.Optional;

/** The agents registered in each project, with the hash of each agent's password. */
public interface AgentRegistry {

    /**
     * Registers an agent with the hash of its one-time password.
     *
     * @throws IllegalStateException if the id is already taken
     */
    void add(RegisteredAgent agent, PasswordHash passwordHash);

    /** @return empty if no such agent is registered in that project */
    Optional<RegisteredAgent> find(ProjectId project, AgentId agent);

    /** @return empty if no such agent is registered in that project */
    Optional<PasswordHash> passwordHash(ProjectId project, AgentId agent);

    /**
     * Replaces the agent's password hash if it is still {@code expected} (compare and set): an
     * old form of hash is replaced after a successful sign-in.
     *
     * @return whether it was replaced; false if the agent is gone or its hash changed
     */
    boolean replacePasswordHash(ProjectId project, AgentId agent, PasswordHash expected, PasswordHash next);

    /**
     * Replaces the agent's settings if they are still {@code expected} (compare and set), so
     * that of two changes made at once neither is lost: the one that finds them changed reads
     * again.
     *
     * @return whether they were replaced; false if the agent is gone or its settings changed
     */
    boolean updateSettings(ProjectId project, AgentId agent, AgentSettings expected, AgentSettings next);

    /** @return the project's agents, oldest registration first; empty for an unknown project */
    List<RegisteredAgent> list(ProjectId project);

    /**
     * Forgets the agent and its password.
     *
     * @return whether it was registered
     */
    boolean remove(ProjectId project, AgentId agent);
}
