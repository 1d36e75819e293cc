package io.agentevents.application.port.out;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.SessionChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The sessions of registered agents. A session is read together with its project's latest
 * activation (kept by the same store's {@link ProjectActivations}), which decides its mode with
 * it, in one read; only the session is stored.
 */
public interface AgentSessionRepository {

    /**
     * An agent's session and the activation of its whole project, as read together.
     *
     * @param projectActivation the project's latest activation, if it ever had one
     */
    record CoveredSession(AgentSession session, Optional<Activation> projectActivation) {

        public CoveredSession {
            Objects.requireNonNull(session, "session must not be null");
            Objects.requireNonNull(projectActivation, "projectActivation must not be null");
        }
    }

    /** One agent's session, by project and agent. */
    record AgentKey(ProjectId project, AgentId agent) {

        public AgentKey {
            Objects.requireNonNull(project, "project must not be null");
            Objects.requireNonNull(agent, "agent must not be null");
        }
    }

    /**
     * The agent's session, with the project's latest activation.
     *
     * @return empty if no such agent is registered in the project
     */
    Optional<CoveredSession> find(ProjectId project, AgentId agent);

    /**
     * Stores the session of a newly registered agent.
     *
     * @throws IllegalStateException if a session for that agent already exists
     */
    void insert(AgentSession session);

    /**
     * Applies {@code change} to the agent's current session and stores the result, atomically
     * with respect to other updates of the same agent.
     *
     * @return the change that was stored; empty if no such agent is registered
     */
    Optional<SessionChange> update(ProjectId project, AgentId agent, Function<CoveredSession, SessionChange> change);

    /**
     * Applies each agent's change to its current session and stores the results, as one unit (one
     * transaction on a database, joining one in progress): many agents for the price of one write.
     * Agents without a session are skipped.
     *
     * @return the changes that were stored, in no particular order
     */
    List<SessionChange> updateAll(Map<AgentKey, Function<CoveredSession, SessionChange>> changes);

    /**
     * Forgets the agent's session.
     *
     * @return whether there was one
     */
    boolean delete(ProjectId project, AgentId agent);

    /**
     * Calls {@code action} with every session, in no particular order, whose agent checked in at
     * or after {@code since}, with its project's activation as {@link #find} reads it. A
     * snapshot for statistics, not a transaction: sessions may change while it runs.
     */
    void forEachSeenSince(Instant since, Consumer<CoveredSession> action);
}
