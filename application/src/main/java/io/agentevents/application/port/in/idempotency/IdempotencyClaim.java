package io.agentevents.application.port.in.idempotency;

import java.util.Objects;

/** The outcome of presenting an {@code Idempotency-Key}: carry the request out, or replay. */
public sealed interface IdempotencyClaim {

    /** The key is new: carry the request out, then finish the claim with its answer. */
    record Claimed(String scopedKey) implements IdempotencyClaim {

        public Claimed {
            Objects.requireNonNull(scopedKey, "scopedKey must not be null");
        }
    }

    /** The same request was carried out before: answer as then. */
    record Replay(IdempotentAnswer answer) implements IdempotencyClaim {

        public Replay {
            Objects.requireNonNull(answer, "answer must not be null");
        }
    }
}
