package io.agentevents.application.port.out.access;

import java.util.Objects;

/**
 * A password as stored: never the password itself, only its hash in a self-describing text form
 * ({@code algorithm$…}) that stores keep as is.
 */
public record PasswordHash(String encoded) {

    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded must not be null");
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
