package io.agentevents.domain.activation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one mode asks of an agent.
 *
 * @param pollEvery        how often the agent checks for events
 * @param heartbeatEvery   how often the agent posts a heartbeat
 * @param activationLasts  how long an activation of this mode stays in force; empty means it
 *                         never expires (the {@code idle} fallback)
 */
public record Schedule(Duration pollEvery, Duration heartbeatEvery, Optional<Duration> activationLasts) {

    /** @throws IllegalArgumentException if a duration is not positive */
    public Schedule {
        requirePositive(pollEvery, "pollEvery");
        requirePositive(heartbeatEvery, "heartbeatEvery");
        Objects.requireNonNull(activationLasts, "activationLasts must not be null (use Optional.empty())");
        activationLasts.ifPresent(lasts -> requirePositive(lasts, "activationLasts"));
    }

    /** A schedule whose activations never expire. */
    public static Schedule unending(Duration pollEvery, Duration heartbeatEvery) {
        return new Schedule(pollEvery, heartbeatEvery, Optional.empty());
    }

    /** A schedule whose activations expire after {@code activationLasts}. */
    public static Schedule expiring(Duration pollEvery, Duration heartbeatEvery, Duration activationLasts) {
        return new Schedule(pollEvery, heartbeatEvery, Optional.of(activationLasts));
    }

    private static void requirePositive(Duration duration, String field) {
        Objects.requireNonNull(duration, field + " must not be null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + duration);
        }
    }
}
