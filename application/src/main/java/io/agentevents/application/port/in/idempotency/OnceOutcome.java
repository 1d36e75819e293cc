package io.agentevents.application.port.in.idempotency;

import java.util.Objects;

/** How a request sent with an {@code Idempotency-Key} was answered: carried out now, or replayed. */
public sealed interface OnceOutcome<T> {

    /** The key was new: the request was carried out, and this is its result. */
    record CarriedOut<T>(T result) implements OnceOutcome<T> {

        public CarriedOut {
            Objects.requireNonNull(result, "result must not be null");
        }
    }

    /** The same request was carried out before: this is the answer kept then. */
    record Replayed<T>(String keptAnswer) implements OnceOutcome<T> {

        public Replayed {
            Objects.requireNonNull(keptAnswer, "keptAnswer must not be null");
        }
    }
}
