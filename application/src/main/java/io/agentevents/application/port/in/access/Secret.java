package io.agentevents.application.port.in.access;

import java.util.Objects;

/**
 * A token or password in transit. Its {@code toString} never shows it, so it cannot reach a log
 * by accident.
 */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "secret must not be null");
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
