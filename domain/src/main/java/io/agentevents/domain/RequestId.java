package io.agentevents.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The request that caused something, carried on events as {@code request_id} so a client can
 * match the events in the log to the calls it made.
 *
 * @param value the request's UUID
 */
public record RequestId(UUID value) {

    public RequestId {
        Objects.requireNonNull(value, "request id must not be null");
    }

    /** @throws IllegalArgumentException if {@code text} is not a UUID in canonical form */
    public static RequestId parse(String text) {
        return new RequestId(Uuids.parseCanonical(text, "request id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
