package io.agentevents.adapter.http.dto;

import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedule;
import io.agentevents.domain.activation.Schedules;
import java.time.Duration;
import java.util.function.ToLongFunction;

/**
 * The agent configuration in the shape the real v2 API served and its SDK reads:
 * {@code system_preferences.events.rse.{polling,heartbeat}.{interval_ms,timeout_ms}.{idle,active,real_time}}.
 * {@code heartbeat.timeout_ms} is the activation lifetime (0: never expires);
 * {@code polling.timeout_ms} is how long an agent waits for one poll's answer.
 */
public record ConfigurationResponse(SystemPreferences systemPreferences) {

    /** What the real API told agents to wait for one poll, per mode; longer than any long-poll. */
    static final PerMode POLL_REQUEST_TIMEOUT_MS = new PerMode(90_000, 60_000, 40_000);

    public record SystemPreferences(Events events) {
    }

    public record Events(Rse rse) {
    }

    public record Rse(Timing polling, Timing heartbeat) {
    }

    public record Timing(PerMode intervalMs, PerMode timeoutMs) {
    }

    public record PerMode(long idle, long active, long realTime) {

        static PerMode of(Schedules schedules, ToLongFunction<Schedule> value) {
            return new PerMode(value.applyAsLong(schedules.forMode(Mode.IDLE)),
                    value.applyAsLong(schedules.forMode(Mode.ACTIVE)),
                    value.applyAsLong(schedules.forMode(Mode.REAL_TIME)));
        }
    }

    public static ConfigurationResponse from(Schedules schedules) {
        Timing polling = new Timing(PerMode.of(schedules, schedule -> schedule.pollEvery().toMillis()),
                POLL_REQUEST_TIMEOUT_MS);
        Timing heartbeat = new Timing(PerMode.of(schedules, schedule -> schedule.heartbeatEvery().toMillis()),
                PerMode.of(schedules, schedule -> schedule.activationLasts().map(Duration::toMillis).orElse(0L)));
        return new ConfigurationResponse(new SystemPreferences(new Events(new Rse(polling, heartbeat))));
    }
}
