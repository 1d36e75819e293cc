package io.agentevents.adapter.http.wire;

import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.EventType;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The names modes and event types have on the wire, mapped explicitly both ways. */
public final class WireNames {

    public static final String MODES = Arrays.stream(Mode.values()).map(WireNames::of).collect(Collectors.joining(", "));

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
        };
    }

    /** Echoes client input in messages only briefly, so a huge value cannot bloat a response. */
    public static String clip(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
