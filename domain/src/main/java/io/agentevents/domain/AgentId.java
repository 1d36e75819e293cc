package io.agentevents.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A registered agent, identified by the UUID handed out at registration.
 *
 * @param value the agent's UUID
 */
public record AgentId(UUID value) {

    public AgentId {
        Objects.requireNonNull(value, "agent id must not be null");
    }

    /**
     * Reads the canonical textual form ({@code 8-4-4-4-12} hex digits).
     *
     * @throws IllegalArgumentException if {@code text} is not a UUID
     */
    public static AgentId parse(String text) {
        return new AgentId(Uuids.parseCanonical(text, "agent id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
