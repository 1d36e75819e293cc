package io.agentevents.adapter.http.dto.response;

import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.application.port.in.agent.AgentConfiguration;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedule;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.agent.RegisteredAgent;
import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The agent configuration of the v2 reference: {@code system_preferences} ({@code environment},
 * {@code logging.level}, {@code events.rse}, {@code backup_controls}), {@code vaults} and
 * {@code configurations}. {@code events.rse.host} plus {@code channel} is this agent's feed on
 * this service; the schedules are in milliseconds, {@code heartbeat.timeout_ms} being how long an
 * activation lasts (0: never) and {@code polling.timeout_ms} how long an agent waits for one
 * poll's answer. This service keeps no vaults and no backup configurations, so both lists are
 * empty, and the environment and backup controls are the platform's defaults.
 */
public record ConfigurationResponse(SystemPreferences systemPreferences, List<Object> vaults,
                                    List<Object> configurations) {

    /** What the real API told agents to wait for one poll, per mode; longer than any long-poll. */
    static final PerMode POLL_REQUEST_TIMEOUT_MS = new PerMode(90_000, 60_000, 40_000);
    /** The free disk space agents keep for each kind of job, the platform's default. */
    static final DiskSpace MINIMUM_DISK_SPACE_MB = new DiskSpace(100, 100, 100);

    public record SystemPreferences(Environment environment, Logging logging, Events events,
                                    BackupControls backupControls) {
    }

    public record Environment(DiskSpace minimumDiskSpaceMb) {
    }

    public record DiskSpace(int backup, int restore, int cleanup) {
    }

    public record Logging(String level) {
    }

    public record Events(Rse rse) {
    }

    public record Rse(String host, String channel, Timing polling, Timing heartbeat) {
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

    /** Volume shadow copies stay on (0): the platform's default. */
    public record BackupControls(int disableVss) {
    }

    public static ConfigurationResponse from(AgentConfiguration configuration, PublicUrl publicUrl) {
        Schedules schedules = configuration.schedules();
        RegisteredAgent agent = configuration.agent();
        Timing polling = new Timing(PerMode.of(schedules, schedule -> schedule.pollEvery().toMillis()),
                POLL_REQUEST_TIMEOUT_MS);
        Timing heartbeat = new Timing(PerMode.of(schedules, schedule -> schedule.heartbeatEvery().toMillis()),
                PerMode.of(schedules, schedule -> schedule.activationLasts().map(Duration::toMillis).orElse(0L)));
        String channel = "/v2/" + agent.project() + "/agents/" + agent.id() + "/events";
        SystemPreferences preferences = new SystemPreferences(new Environment(MINIMUM_DISK_SPACE_MB),
                new Logging(WireNames.of(agent.settings().logLevel())),
                new Events(new Rse(publicUrl.base(), channel, polling, heartbeat)), new BackupControls(0));
        return new ConfigurationResponse(preferences, List.of(), List.of());
    }
}
