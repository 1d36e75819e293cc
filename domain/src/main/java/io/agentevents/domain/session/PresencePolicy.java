package io.agentevents.domain.session;

import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether an agent is online: it checked in or heartbeated within
 * {@code missedHeartbeats × heartbeat interval + grace} of its effective mode, and has not
 * announced a shutdown since. An agent last seen before the activation now in force began has
 * not been told of its mode yet: it hears at its next poll on the schedule it followed, so it
 * stays online until that poll is due (plus the grace) even where the new mode's window is
 * shorter. In idle (hourly heartbeats) the verdict is marked unreliable.
 *
 * @param schedules        the schedule of each mode
 * @param missedHeartbeats how many heartbeats may be missed before the agent counts as offline
 * @param grace            slack for network and clock jitter on top of the missed heartbeats
 */
public record PresencePolicy(Schedules schedules, int missedHeartbeats, Duration grace) {

    /** Heartbeats an agent may miss before it counts as offline. */
    public static final int DEFAULT_MISSED_HEARTBEATS = 3;
    /** Added to the window, for the network and clocks. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);

    /** @throws IllegalArgumentException if {@code missedHeartbeats} is below 1 or {@code grace} negative */
    public PresencePolicy {
        Objects.requireNonNull(schedules, "schedules must not be null");
        Objects.requireNonNull(grace, "grace must not be null");
        if (missedHeartbeats < 1) {
            throw new IllegalArgumentException("missedHeartbeats must be at least 1, was " + missedHeartbeats);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, was " + grace);
        }
    }

    /** The rule of the spec: three heartbeats plus two seconds. */
    public static PresencePolicy of(Schedules schedules) {
        return new PresencePolicy(schedules, DEFAULT_MISSED_HEARTBEATS, DEFAULT_GRACE);
    }

    /** How long after its last check-in an agent in {@code mode} still counts as online (inclusive). */
    public Duration onlineWindow(Mode mode) {
        return schedules.forMode(mode).heartbeatEvery().multipliedBy(missedHeartbeats).plus(grace);
    }

    /**
     * Whether the agent of {@code session} counts as online at {@code now}: not shut down, and seen
     * within the window of its mode.
     *
     * @param projectActivation the latest activation of the agent's whole project, if any
     */
    public boolean isOnline(AgentSession session, Optional<Activation> projectActivation, Instant now) {
        if (session.shutDown()) {
            return false;
        }
        if (session.lastCheckInAt().isEmpty()) {
            return false;
        }
        Instant seen = session.lastCheckInAt().get();
        Optional<Activation> inForce = session.activationInForceAt(projectActivation, now);
        Mode mode = inForce.map(Activation::mode).orElse(Mode.IDLE);
        Instant onlineUntil = seen.plus(onlineWindow(mode));
        if (inForce.isPresent() && seen.isBefore(inForce.get().at())) {
            Mode followed = modeFollowedAt(session, projectActivation, seen);
            Instant nextPollDue = seen.plus(schedules.forMode(followed).pollEvery()).plus(grace);
            onlineUntil = nextPollDue.isAfter(onlineUntil) ? nextPollDue : onlineUntil;
        }
        return !now.isAfter(onlineUntil);
    }

    /** The mode the agent was in at {@code seen}, by the activations kept that had been posted by then. */
    private static Mode modeFollowedAt(AgentSession session, Optional<Activation> projectActivation, Instant seen) {
        Optional<Activation> own = session.agentActivation().filter(activation -> !activation.at().isAfter(seen));
        AgentSession then = new AgentSession(session.project(), session.agent(), own, session.lastCheckInAt(),
                session.lastHeartbeatEventAt(), session.busy(), session.shutDown(), session.shutDownAt());
        return then.effectiveModeAt(projectActivation.filter(activation -> !activation.at().isAfter(seen)), seen);
    }

    /**
     * Whether the agent of {@code session} has been offline for at least {@code holdDown} at
     * {@code now}: offline now, and already offline {@code holdDown} earlier by what is known of it
     * now. A check-in within the hold-down makes it online at its start, so a single late poll
     * that comes in the end never counts; an agent that announced its shutdown is offline at once.
     *
     * @param projectActivation the latest activation of the agent's whole project, if any
     * @throws IllegalArgumentException if {@code holdDown} is negative
     */
    public boolean isOfflineFor(AgentSession session, Optional<Activation> projectActivation, Instant now,
                                Duration holdDown) {
        if (holdDown.isNegative()) {
            throw new IllegalArgumentException("holdDown must not be negative, was " + holdDown);
        }
        return !isOnline(session, projectActivation, now) && !isOnline(session, projectActivation, now.minus(holdDown));
    }

    /** Idle agents heartbeat hourly, so silence says little about them. */
    public boolean isReliable(Mode mode) {
        return mode != Mode.IDLE;
    }

    /**
     * What a client sees of the agent of {@code session} at {@code now}.
     *
     * @param projectActivation the latest activation of the agent's whole project, if any
     */
    public AgentStatus statusOf(AgentSession session, Optional<Activation> projectActivation, Instant now) {
        Mode mode = session.effectiveModeAt(projectActivation, now);
        boolean online = isOnline(session, projectActivation, now);
        return new AgentStatus(online, online && session.busy(), mode, session.modeEndsAt(projectActivation, now),
                session.lastCheckInAt(), isReliable(mode));
    }
}
