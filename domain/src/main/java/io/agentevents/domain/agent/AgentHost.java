package io.agentevents.domain.agent;

import java.util.Objects;

/**
 * The machine an agent runs on, as the agent reported it at registration.
 *
 * @param name        the host name
 * @param os          the operating system, shown on {@code agent_registered} events
 * @param fingerprint identifies the machine; an agent token is only issued for the same one
 */
public record AgentHost(String name, String os, String fingerprint) {

    public static final int MAX_LENGTH = 255;

    /** @throws IllegalArgumentException if a field is blank or longer than {@value #MAX_LENGTH} */
    public AgentHost {
        TextFields.requireText(name, "host.name");
        TextFields.requireText(os, "host.os");
        TextFields.requireText(fingerprint, "host.fingerprint");
    }
}
