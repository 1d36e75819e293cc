package io.agentevents.application.port.in.feed;

import io.agentevents.domain.activation.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells a polling agent its mode and when to poll next.
 *
 * @param modeEndsAt when the mode gives way to another by itself (an activation running out);
 *                   empty if nothing ends it
 */
public record PollDirective(Mode mode, Duration pollEvery, Optional<Instant> modeEndsAt) {

    public PollDirective {
        Objects.requireNonNull(mode, "mode must not be null");
        Objects.requireNonNull(pollEvery, "pollEvery must not be null");
        Objects.requireNonNull(modeEndsAt, "modeEndsAt must not be null");
    }

    /** A mode that nothing ends by itself. */
    public PollDirective(Mode mode, Duration pollEvery) {
        this(mode, pollEvery, Optional.empty());
    }

    /** Whether the mode still holds at {@code now}. */
    public boolean holdsAt(Instant now) {
        return modeEndsAt.map(now::isBefore).orElse(true);
    }
}
