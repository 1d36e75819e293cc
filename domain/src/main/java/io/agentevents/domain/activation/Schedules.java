package io.agentevents.domain.activation;

import java.time.Duration;
import java.util.Objects;

/**
 * The schedule of every mode. {@code idle} is the fallback, so its activations never expire;
 * {@code active} and {@code real_time} must expire, or an agent would never fall back.
 */
public record Schedules(Schedule idle, Schedule active, Schedule realTime) {

    /** The lifetime of an {@code active} or {@code real_time} activation the real agents used. */
    public static final Duration DEFAULT_ACTIVATION_LIFETIME = Duration.ofSeconds(75);

    /**
     * @throws IllegalArgumentException if {@code idle} expires, or {@code active} or
     *                                  {@code realTime} never expire
     */
    public Schedules {
        Objects.requireNonNull(idle, "idle schedule must not be null");
        Objects.requireNonNull(active, "active schedule must not be null");
        Objects.requireNonNull(realTime, "real_time schedule must not be null");
        if (idle.activationLasts().isPresent()) {
            throw new IllegalArgumentException("idle activations must never expire: idle is the fallback");
        }
        if (active.activationLasts().isEmpty()) {
            throw new IllegalArgumentException("active activations must expire");
        }
        if (realTime.activationLasts().isEmpty()) {
            throw new IllegalArgumentException("real_time activations must expire");
        }
    }

    /**
     * The values the real agents were configured with: idle polls every 10 s and heartbeats
     * hourly; active polls and heartbeats every second; real_time polls every 300 ms and
     * heartbeats every second; active and real_time last 75 s.
     */
    public static Schedules defaults() {
        return new Schedules(
                Schedule.unending(Duration.ofSeconds(10), Duration.ofHours(1)),
                Schedule.expiring(Duration.ofSeconds(1), Duration.ofSeconds(1), DEFAULT_ACTIVATION_LIFETIME),
                Schedule.expiring(Duration.ofMillis(300), Duration.ofSeconds(1), DEFAULT_ACTIVATION_LIFETIME));
    }

    /** The schedule agents in {@code mode} follow. */
    public Schedule forMode(Mode mode) {
        return switch (mode) {
            case IDLE -> idle;
            case ACTIVE -> active;
            case REAL_TIME -> realTime;
        };
    }

    /** The same schedules with {@code active} and {@code real_time} lasting {@code lifetime}. */
    public Schedules withActivationLifetime(Duration lifetime) {
        return new Schedules(
                idle,
                Schedule.expiring(active.pollEvery(), active.heartbeatEvery(), lifetime),
                Schedule.expiring(realTime.pollEvery(), realTime.heartbeatEvery(), lifetime));
    }
}
