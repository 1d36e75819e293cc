package io.agentevents.application.service.presence;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether an agent's presence flips become {@code agent_online} / {@code agent_offline} events in
 * its project's feed, and how long an agent must stay offline before it is announced so.
 *
 * @param enabled  off by default: the events are beyond the v2 reference, and a node of an
 *                 earlier release cannot read them from a shared log
 * @param holdDown an agent past its mode's window is announced offline only once it has been for
 *                 this long, so a poll that is only late never shows as a flip and its return
 */
public record PresenceEvents(boolean enabled, Duration holdDown) {

    public static final Duration DEFAULT_HOLD_DOWN = Duration.ofSeconds(10);
    /** Far above any agent's poll interval; a longer one only hides outages. */
    public static final Duration MAX_HOLD_DOWN = Duration.ofHours(1);

    /** @throws IllegalArgumentException if {@code holdDown} is negative or above {@link #MAX_HOLD_DOWN} */
    public PresenceEvents {
        Objects.requireNonNull(holdDown, "holdDown must not be null");
        if (holdDown.isNegative() || holdDown.compareTo(MAX_HOLD_DOWN) > 0) {
            throw new IllegalArgumentException("the hold-down must be from 0s to 1h");
        }
    }

    public static PresenceEvents off() {
        return new PresenceEvents(false, DEFAULT_HOLD_DOWN);
    }

    public static PresenceEvents on(Duration holdDown) {
        return new PresenceEvents(true, holdDown);
    }
}
