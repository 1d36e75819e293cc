package io.agentevents.application.port.out;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.request.AgentRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * The requests made of agents, each with its agent's answer once it came, kept until they have
 * been expired a while ({@link #purgeExpiredBefore}). An answer is taken in two steps within one
 * transaction, so that of two answers at once exactly one is kept and the other leaves nothing
 * behind: {@link #claimAnswer} (a conditional write), then, with the answer's event appended,
 * {@link #keepAnswer}.
 */
public interface AgentRequests {

    /**
     * Keeps a new request, unanswered.
     *
     * @throws IllegalStateException if a request of that id is kept already
     * @throws StoreUnavailableException if the store cannot be reached
     */
    void open(AgentRequest request);

    /**
     * @return the request with its answer, if it has one kept; an answer claimed but not yet kept
     *         is not shown; empty if no such request of that agent is kept
     * @throws StoreUnavailableException if the store cannot be reached
     */
    Optional<AgentRequest> find(ProjectId project, AgentId agent, RequestId request);

    /**
     * Claims the right to answer: only if the request is kept, has no answer nor claim, and has
     * not expired at {@code now}.
     *
     * @return whether this caller may answer; false if another answered or claimed first, or it expired
     * @throws StoreUnavailableException if the store cannot be reached
     */
    boolean claimAnswer(ProjectId project, AgentId agent, RequestId request, Instant now);

    /**
     * Keeps the answer of a request claimed in this transaction, until {@code keptUntil}.
     *
     * @throws IllegalStateException if the request was not claimed
     * @throws StoreUnavailableException if the store cannot be reached
     */
    void keepAnswer(ProjectId project, AgentId agent, RequestId request, AgentRequest.Answer answer, Instant keptUntil);

    /**
     * Drops every request, answered or not, that expired before {@code cutoff}.
     *
     * @return how many were dropped
     * @throws StoreUnavailableException if the store cannot be reached
     */
    long purgeExpiredBefore(Instant cutoff);

    /**
     * Drops every request made of the agent (it was deleted).
     *
     * @throws StoreUnavailableException if the store cannot be reached
     */
    void removeAll(ProjectId project, AgentId agent);

    /** How many requests are kept now, across projects (a gauge). */
    long size();
}
