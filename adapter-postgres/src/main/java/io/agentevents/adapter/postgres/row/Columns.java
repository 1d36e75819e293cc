package io.agentevents.adapter.postgres.row;

import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.agent.Flavor;
import io.agentevents.domain.agent.LogLevel;
import io.agentevents.domain.event.EventType;
import io.agentevents.domain.request.EncryptionAction;
import io.agentevents.domain.request.LogfileState;
import io.agentevents.domain.request.RequestKind;
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
            case HOST_BROWSE -> "host_browse";
            case VAULT_PASSWORD_VERIFY -> "vault_password_verify";
            case VAULT_ENCRYPTION_ENABLE -> "vault_encryption_enable";
            case VAULT_ENCRYPTION_CHANGE -> "vault_encryption_change";
            case LOGFILE_UPLOAD -> "logfile_upload";
            case HOST_BROWSED -> "host_browsed";
            case VAULT_PASSWORD_VERIFIED -> "vault_password_verified";
            case VAULT_ENCRYPTION_ENABLED -> "vault_encryption_enabled";
            case VAULT_ENCRYPTION_CHANGED -> "vault_encryption_changed";
            case LOGFILE_STARTED -> "logfile_started";
            case LOGFILE_COMPLETED -> "logfile_completed";
            case AGENT_ONLINE -> "agent_online";
            case AGENT_OFFLINE -> "agent_offline";
        };
    }

    public static String of(RequestKind kind) {
        return switch (kind) {
            case BROWSE -> "browse";
            case VAULT_PASSWORD_VERIFICATION -> "vault_password_verification";
            case VAULT_ENCRYPTION -> "vault_encryption";
            case LOGFILE_UPLOAD -> "logfile_upload";
        };
    }

    public static RequestKind requestKind(String value) {
        for (RequestKind kind : RequestKind.values()) {
            if (of(kind).equals(value)) {
                return kind;
            }
        }
        throw new IllegalStateException("unknown request kind in the database: " + value);
    }

    public static String of(LogfileState state) {
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static LogfileState logfileState(String value) {
        for (LogfileState state : LogfileState.values()) {
            if (of(state).equals(value)) {
                return state;
            }
        }
        throw new IllegalStateException("unknown log file state in the database: " + value);
    }

    public static String of(EncryptionAction action) {
        return action == EncryptionAction.ENABLED ? "enabled" : "changed";
    }

    public static EncryptionAction encryptionAction(String value) {
        return switch (value) {
            case "enabled" -> EncryptionAction.ENABLED;
            case "changed" -> EncryptionAction.CHANGED;
            default -> throw new IllegalStateException("unknown encryption action in the database: " + value);
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
