package io.agentevents.domain.session;

import io.agentevents.domain.activation.Mode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client sees of an agent at one instant.
 *
 * @param online          seen recently enough for its mode, and not shut down
 * @param busy            online and its last heartbeat said busy
 * @param mode            its effective mode
 * @param modeExpiresAt   when that mode ends; empty if nothing ends it
 * @param lastHeartbeatAt when it last checked in or heartbeated; empty if never
 * @param reliable        whether {@code online} can be trusted: not in idle, where heartbeats are hourly
 */
public record AgentStatus(boolean online, boolean busy, Mode mode, Optional<Instant> modeExpiresAt,
                          Optional<Instant> lastHeartbeatAt, boolean reliable) {

    public AgentStatus {
        Objects.requireNonNull(mode, "mode must not be null");
        Objects.requireNonNull(modeExpiresAt, "modeExpiresAt must not be null");
        Objects.requireNonNull(lastHeartbeatAt, "lastHeartbeatAt must not be null");
    }
}
