package io.agentevents.application.port.in.operations;

import java.util.Objects;

/**
 * What a readiness check found, the store having answered. The node stays ready while the identity
 * service is lost: agents' tokens and remembered user tokens keep working without it.
 */
public record Readiness(Identity identity) {

    /** The identity service, as seen from this node. */
    public enum Identity {
        /** None is configured: user tokens come from the tokens file only. */
        NOT_CONFIGURED,
        REACHABLE,
        UNREACHABLE
    }

    public Readiness {
        Objects.requireNonNull(identity, "identity must not be null");
    }
}
