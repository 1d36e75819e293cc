package io.agentevents.domain.session;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ForeignActivationException;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.activation.SingleAgent;
import io.agentevents.domain.activation.WholeProject;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.AgentEvent;
import io.agentevents.domain.event.AgentShutDown;
import io.agentevents.domain.event.AgentStartedUp;
import io.agentevents.domain.event.HeartbeatRecorded;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the service knows of one agent: its own activation, when it was last seen, whether it is
 * busy and whether it announced a shutdown. Immutable: every behaviour returns a
 * {@link SessionChange} with the next state and the events it caused. Every behaviour takes the
 * instant it happens at; nothing here reads a clock.
 *
 * <p>An activation of the whole project belongs to the project, not to its agents' sessions: what
 * depends on the mode takes the project's latest activation as an argument. The <em>effective
 * mode</em> is the mode of the most recent activation still in force, the agent's own or the
 * project's (an explicit {@code idle} included); with none, {@code idle}.
 *
 * @param project              the agent's project
 * @param agent                the agent
 * @param agentActivation      the latest activation of this agent alone, if any
 * @param lastCheckInAt        the last poll, heartbeat or startup of the agent
 * @param lastHeartbeatEventAt when an {@code agent_heartbeat} event was last written for it
 * @param busy                 what its last heartbeat said
 * @param shutDown             it announced a shutdown and has not checked in since
 * @param shutDownAt           when it announced the shutdown, while {@code shutDown}; empty where
 *                             that is not known (a session stored by a release that kept no time)
 */
public record AgentSession(ProjectId project, AgentId agent, Optional<Activation> agentActivation,
                           Optional<Instant> lastCheckInAt, Optional<Instant> lastHeartbeatEventAt,
                           boolean busy, boolean shutDown, Optional<Instant> shutDownAt) {

    /**
     * @throws IllegalArgumentException if the activation is not this agent's alone, or a heartbeat
     *                                  event is recorded without (or after) a check-in
     */
    public AgentSession {
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(agentActivation, "agentActivation must not be null");
        Objects.requireNonNull(lastCheckInAt, "lastCheckInAt must not be null");
        Objects.requireNonNull(lastHeartbeatEventAt, "lastHeartbeatEventAt must not be null");
        Objects.requireNonNull(shutDownAt, "shutDownAt must not be null");
        if (!shutDown) {
            shutDownAt = Optional.empty(); // the time of a shutdown since undone says nothing
        }
        agentActivation.ifPresent(activation -> {
            if (!(activation.scope() instanceof SingleAgent single) || !single.agent().equals(agent)) {
                throw new IllegalArgumentException("agentActivation must cover agent " + agent + " alone");
            }
        });
        lastHeartbeatEventAt.ifPresent(written -> {
            if (lastCheckInAt.isEmpty() || written.isAfter(lastCheckInAt.get())) {
                throw new IllegalArgumentException("a heartbeat event cannot be newer than the last check-in");
            }
        });
    }

    /** A session whose shutdown, if any, is of unknown time (as 0.1.0 built them). */
    public AgentSession(ProjectId project, AgentId agent, Optional<Activation> agentActivation,
                        Optional<Instant> lastCheckInAt, Optional<Instant> lastHeartbeatEventAt,
                        boolean busy, boolean shutDown) {
        this(project, agent, agentActivation, lastCheckInAt, lastHeartbeatEventAt, busy, shutDown, Optional.empty());
    }

    /** The session of a newly registered agent: never seen yet, never activated on its own. */
    public static AgentSession start(ProjectId project, AgentId agent) {
        return new AgentSession(project, agent, Optional.empty(), Optional.empty(), Optional.empty(), false, false);
    }

    /**
     * The mode the agent should be in at {@code now}.
     *
     * @param projectActivation the latest activation of the agent's whole project, if any
     * @throws IllegalArgumentException if {@code projectActivation} does not cover the whole project
     */
    public Mode effectiveModeAt(Optional<Activation> projectActivation, Instant now) {
        return activationInForceAt(projectActivation, now).map(Activation::mode).orElse(Mode.IDLE);
    }

    /**
     * The activation that decides the mode at {@code now}: the most recent one still in force.
     * On a tie the agent's own activation wins, being the more specific.
     *
     * @param projectActivation the latest activation of the agent's whole project, if any
     */
    public Optional<Activation> activationInForceAt(Optional<Activation> projectActivation, Instant now) {
        requireProjectWide(projectActivation);
        // Asked at every poll: plain branches rather than a stream over two optionals.
        Activation own = inForce(agentActivation, now);
        Activation projectWide = inForce(projectActivation, now);
        if (own == null || projectWide == null) {
            return Optional.ofNullable(own != null ? own : projectWide);
        }
        return Optional.of(projectWide.isNewerThan(own) ? projectWide : own);
    }

    /**
     * When the effective mode at {@code now} gives way to another one; empty if nothing ends it
     * (idle, or an explicit activation that never expires). An expiry that falls back to another
     * activation of the same mode does not end the mode.
     *
     * @param projectActivation the latest activation of the agent's whole project, if any
     */
    public Optional<Instant> modeEndsAt(Optional<Activation> projectActivation, Instant now) {
        Mode mode = effectiveModeAt(projectActivation, now);
        Instant from = now;
        while (true) {
            Optional<Instant> nextExpiry = nextExpiryAfter(projectActivation, from);
            if (nextExpiry.isEmpty() || effectiveModeAt(projectActivation, nextExpiry.get()) != mode) {
                return nextExpiry;
            }
            from = nextExpiry.get();
        }
    }

    private Optional<Instant> nextExpiryAfter(Optional<Activation> projectActivation, Instant from) {
        Instant own = expiryIfInForce(agentActivation, from);
        Instant projectWide = expiryIfInForce(projectActivation, from);
        if (own == null || projectWide == null) {
            return Optional.ofNullable(own != null ? own : projectWide);
        }
        return Optional.of(own.isBefore(projectWide) ? own : projectWide);
    }

    private static Instant expiryIfInForce(Optional<Activation> activation, Instant at) {
        Activation inForce = inForce(activation, at);
        return inForce == null ? null : inForce.expiresAt().orElse(null);
    }

    /** The activation if it is in force at {@code at}, else null. */
    private static Activation inForce(Optional<Activation> activation, Instant at) {
        return activation.filter(candidate -> candidate.isInForceAt(at)).orElse(null);
    }

    private static void requireProjectWide(Optional<Activation> projectActivation) {
        Objects.requireNonNull(projectActivation, "projectActivation must not be null");
        if (projectActivation.isPresent() && !(projectActivation.get().scope() instanceof WholeProject)) {
            throw new IllegalArgumentException("projectActivation must cover the whole project");
        }
    }

    /**
     * Applies an activation of this agent alone. The session keeps the newer of the activation it
     * had and this one, so activations arriving out of order cannot roll it back; the event is
     * recorded either way, since the client did post it.
     *
     * @throws ForeignActivationException if the activation is for another agent
     * @throws IllegalArgumentException   if it covers the whole project, which keeps it itself
     */
    public SessionChange activate(Activation activation) {
        if (!(activation.scope() instanceof SingleAgent single)) {
            throw new IllegalArgumentException("an activation of the whole project is the project's, not a session's");
        }
        if (!single.agent().equals(agent)) {
            throw new ForeignActivationException(single.agent(), agent);
        }
        AgentSession next = new AgentSession(project, agent, Optional.of(Activation.kept(agentActivation, activation)),
                lastCheckInAt, lastHeartbeatEventAt, busy, shutDown, shutDownAt);
        return new SessionChange(next, List.of(new AgentActivated(activation)));
    }

    /**
     * The agent polled for events: a check-in. Writes an {@code agent_heartbeat} event if none
     * was written within the heartbeat interval of the effective mode. A check-in made before the
     * shutdown the session holds, and written after it (buffered on another node), leaves it shut
     * down: only a later one brings the agent back.
     *
     * @param projectActivation the latest activation of the agent's whole project, if any
     */
    public SessionChange recordCheckIn(Instant now, Optional<Activation> projectActivation, Schedules schedules) {
        return seenAt(now, busy, projectActivation, schedules);
    }

    /**
     * The agent posted a heartbeat; like a check-in, and it reports whether the agent is busy.
     *
     * @param projectActivation the latest activation of the agent's whole project, if any
     */
    public SessionChange recordHeartbeat(Instant now, boolean busy, Optional<Activation> projectActivation,
                                         Schedules schedules) {
        return seenAt(now, busy, projectActivation, schedules);
    }

    private SessionChange seenAt(Instant now, boolean busyNow, Optional<Activation> projectActivation,
                                 Schedules schedules) {
        boolean heartbeatDue = lastHeartbeatEventAt
                .map(written -> !now.isBefore(written.plus(
                        schedules.forMode(effectiveModeAt(projectActivation, now)).heartbeatEvery())))
                .orElse(true);
        Instant seen = latest(lastCheckInAt, now);
        boolean beforeShutdown = shutDown && shutDownAt.filter(at -> !now.isAfter(at)).isPresent();
        AgentSession next = new AgentSession(project, agent, agentActivation, Optional.of(seen),
                heartbeatDue ? Optional.of(now) : lastHeartbeatEventAt, busyNow && !beforeShutdown, beforeShutdown,
                shutDownAt);
        List<AgentEvent> events = heartbeatDue ? List.of(new HeartbeatRecorded(agent, busyNow, now)) : List.of();
        return new SessionChange(next, events);
    }

    /** The agent announced that it started: it is online and not busy. */
    public SessionChange recordStartup(Instant now) {
        AgentSession next = new AgentSession(project, agent, agentActivation,
                Optional.of(latest(lastCheckInAt, now)), lastHeartbeatEventAt, false, false);
        return new SessionChange(next, List.of(new AgentStartedUp(agent, now)));
    }

    /** The agent announced a shutdown: offline, and not busy, until it checks in again. */
    public SessionChange recordShutdown(Instant now) {
        AgentSession next = new AgentSession(project, agent, agentActivation,
                lastCheckInAt, lastHeartbeatEventAt, false, true, Optional.of(latest(shutDownAt, now)));
        return new SessionChange(next, List.of(new AgentShutDown(agent, now)));
    }

    /** Check-ins relayed by several nodes may arrive out of order; the last seen never goes back. */
    private static Instant latest(Optional<Instant> known, Instant now) {
        return known.filter(previous -> previous.isAfter(now)).orElse(now);
    }
}
