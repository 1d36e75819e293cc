package io.agentevents.adapter.postgres.row;

import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.agent.Flavor;
import io.agentevents.domain.agent.LogLevel;
import io.agentevents.domain.event.EventType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** Column values both ways: modes, event types, flavors and log levels by name, instants as UTC timestamptz. */
public final class Columns {

    private Columns() {
    }

    public static String of(Mode mode) {
        return switch (mode) {
            case IDLE -> "idle";
            case ACTIVE -> "active";
            case REAL_TIME -> "real_time";
        };
    }

    public static Mode mode(String value) {
        return switch (value) {
            case "idle" -> Mode.IDLE;
            case "active" -> Mode.ACTIVE;
            case "real_time" -> Mode.REAL_TIME;
            default -> throw new IllegalStateException("unknown mode in the database: " + value);
        };
    }

    public static String of(EventType type) {
        return switch (type) {
            case AGENT_ACTIVATE -> "agent_activate";
            case AGENT_REGISTERED -> "agent_registered";
            case AGENT_HEARTBEAT -> "agent_heartbeat";
            case AGENT_STARTUP -> "agent_startup";
            case AGENT_SHUTDOWN -> "agent_shutdown";
            case AGENT_DELETED -> "agent_deleted";
            case CONFIGURATION_CHANGED -> "configuration_changed";
        };
    }

    public static String of(Flavor flavor) {
        return switch (flavor) {
            case NOVA -> "nova";
            case RACKSPACE_DEDICATED -> "rackspace_dedicated";
            case RACKSPACE_PRIVATE_CLOUD -> "rackspace_private_cloud";
        };
    }

    public static Flavor flavor(String value) {
        for (Flavor flavor : Flavor.values()) {
            if (of(flavor).equals(value)) {
                return flavor;
            }
        }
        throw new IllegalStateException("unknown host flavor in the database: " + value);
    }

    public static String of(LogLevel level) {
        return level.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static LogLevel logLevel(String value) {
        for (LogLevel level : LogLevel.values()) {
            if (of(level).equals(value)) {
                return level;
            }
        }
        throw new IllegalStateException("unknown log level in the database: " + value);
    }

    public static EventType eventType(String value) {
        for (EventType type : EventType.values()) {
            if (of(type).equals(value)) {
                return type;
            }
        }
        throw new IllegalStateException("unknown event type in the database: " + value);
    }

    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    public static Optional<UUID> uuid(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, UUID.class));
    }
}
