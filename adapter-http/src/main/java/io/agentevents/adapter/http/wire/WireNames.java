package io.agentevents.adapter.http.wire;

import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.agent.Flavor;
import io.agentevents.domain.agent.LogLevel;
import io.agentevents.domain.event.EventType;
import io.agentevents.domain.request.EncryptionAction;
import io.agentevents.domain.request.LogfileState;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The names modes, event types, flavors, log levels, log file states and encryption actions have
 * on the wire, mapped explicitly both ways.
 */
public final class WireNames {

    public static final String MODES = Arrays.stream(Mode.values()).map(WireNames::of).collect(Collectors.joining(", "));
    public static final String FLAVORS = Arrays.stream(Flavor.values()).map(WireNames::of).collect(Collectors.joining(", "));
    public static final String LOG_LEVELS = Arrays.stream(LogLevel.values()).map(WireNames::of)
            .collect(Collectors.joining(", "));

    private WireNames() {
    }

    public static String of(Mode mode) {
        return switch (mode) {
            case IDLE -> "idle";
            case ACTIVE -> "active";
            case REAL_TIME -> "real_time";
        };
    }

    /** @throws BadRequestException if {@code name} is not a mode */
    public static Mode mode(String name) {
        return switch (name) {
            case "idle" -> Mode.IDLE;
            case "active" -> Mode.ACTIVE;
            case "real_time" -> Mode.REAL_TIME;
            default -> throw new BadRequestException("mode must be one of " + MODES + "; got '" + clip(name) + "'");
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

    public static String of(LogfileState state) {
        return switch (state) {
            case REQUESTED -> "requested";
            case STARTED -> "started";
            case COMPLETED -> "completed";
        };
    }

    /** An agent's step of an upload: started or completed; @throws BadRequestException naming {@code field} */
    public static LogfileState logfileStep(String name, String field) {
        return switch (name) {
            case "started" -> LogfileState.STARTED;
            case "completed" -> LogfileState.COMPLETED;
            default -> throw new BadRequestException(field + " must be started or completed; got '" + clip(name) + "'");
        };
    }

    /** @throws BadRequestException naming {@code field} if {@code name} is not enabled or changed */
    public static EncryptionAction encryptionAction(String name, String field) {
        return switch (name) {
            case "enabled" -> EncryptionAction.ENABLED;
            case "changed" -> EncryptionAction.CHANGED;
            default -> throw new BadRequestException(field + " must be enabled or changed; got '" + clip(name) + "'");
        };
    }

    public static String of(Flavor flavor) {
        return switch (flavor) {
            case NOVA -> "nova";
            case RACKSPACE_DEDICATED -> "rackspace_dedicated";
            case RACKSPACE_PRIVATE_CLOUD -> "rackspace_private_cloud";
        };
    }

    /** @throws BadRequestException naming {@code field} if {@code name} is not a flavor */
    public static Flavor flavor(String name, String field) {
        return switch (name) {
            case "nova" -> Flavor.NOVA;
            case "rackspace_dedicated" -> Flavor.RACKSPACE_DEDICATED;
            case "rackspace_private_cloud" -> Flavor.RACKSPACE_PRIVATE_CLOUD;
            default -> throw new BadRequestException(field + " must be one of " + FLAVORS + "; got '" + clip(name) + "'");
        };
    }

    public static String of(LogLevel level) {
        return switch (level) {
            case ALL -> "all";
            case TRACE -> "trace";
            case DEBUG -> "debug";
            case INFO -> "info";
            case WARN -> "warn";
            case ERROR -> "error";
            case FATAL -> "fatal";
        };
    }

    /** Any case, as the SDK lowers the capitalised names it shows; @throws BadRequestException naming {@code field} */
    public static LogLevel logLevel(String name, String field) {
        for (LogLevel level : LogLevel.values()) {
            if (of(level).equalsIgnoreCase(name)) {
                return level;
            }
        }
        throw new BadRequestException(field + " must be one of " + LOG_LEVELS + "; got '" + clip(name) + "'");
    }

    /** Echoes client input in messages only briefly, so a huge value cannot bloat a response. */
    public static String clip(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
