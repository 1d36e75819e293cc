package io.agentevents.application.port.in.idempotency;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer given to a request sent with an {@code Idempotency-Key}, kept to be replayed. It
 * never holds a secret: adapters store a version of the body without one-time passwords.
 */
public record IdempotentAnswer(int status, Optional<String> location, String body) {

    public IdempotentAnswer {
        Objects.requireNonNull(location, "location must not be null");
        Objects.requireNonNull(body, "body must not be null");
    }
}
