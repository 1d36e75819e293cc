package io.agentevents.application.port.in.access;

import java.time.Instant;
import java.util.Objects;

/** A token issued to an agent, valid until {@code expiresAt}. */
public record AgentToken(Secret token, Instant expiresAt) {

    public AgentToken {
        Objects.requireNonNull(token, "token must not be null");
        Objects.requireNonNull(expiresAt, "expiresAt must not be null");
    }
}
