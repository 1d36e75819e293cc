package io.agentevents.domain.request;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.AnswerRefusedException;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.event.EventId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request made of one agent, and the agent's answer once it gave one. Both are transient: the
 * request waits for its answer until {@code expiresAt}, and an answer is kept for as long again
 * from when it came, then both are gone.
 *
 * @param project   the agent's project
 * @param agent     the agent asked
 * @param id        the request's id, which its events carry as their {@code request_id}
 * @param work      what was asked
 * @param at        when it was asked
 * @param expiresAt until when it waits for an answer, or, answered, until when the answer is kept
 * @param answer    the answer, once the agent gave one
 */
public record AgentRequest(ProjectId project, AgentId agent, RequestId id, RequestedWork work, Instant at,
                           Instant expiresAt, Optional<Answer> answer) {

    /**
     * An agent's answer as kept with its request.
     *
     * @param answer what it answered, whole
     * @param event  the answer's event in the project's log: its id and time are the result's
     * @param at     when it answered
     */
    public record Answer(RequestAnswer answer, EventId event, Instant at) {

        public Answer {
            Objects.requireNonNull(answer, "answer must not be null");
            Objects.requireNonNull(event, "event must not be null");
            Objects.requireNonNull(at, "at must not be null");
        }
    }

    /** Where a request stands at an instant. */
    public enum Status {
        /** Waiting for the agent's answer. */
        OPEN,
        /** Answered, and the answer is still kept. */
        ANSWERED,
        /** Its time ran out: unanswered, or its answer is no longer kept. */
        EXPIRED
    }

    /** @throws IllegalArgumentException if it expires before it was made, or an answer is of another kind */
    public AgentRequest {
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(work, "work must not be null");
        Objects.requireNonNull(at, "at must not be null");
        Objects.requireNonNull(expiresAt, "expiresAt must not be null");
        Objects.requireNonNull(answer, "answer must not be null (use Optional.empty())");
        if (expiresAt.isBefore(at)) {
            throw new IllegalArgumentException("a request cannot expire before it was made");
        }
        if (answer.isPresent() && answer.get().answer().kind() != work.kind()) {
            throw new IllegalArgumentException("a " + work.kind() + " request cannot hold a " + answer.get().answer().kind()
                    + " answer");
        }
    }

    /** A new request, waiting for its answer for {@code ttl}. */
    public static AgentRequest open(ProjectId project, AgentId agent, RequestId id, RequestedWork work, Instant at,
                                    Duration ttl) {
        return new AgentRequest(project, agent, id, work, at, at.plus(ttl), Optional.empty());
    }

    public RequestKind kind() {
        return work.kind();
    }

    public Status statusAt(Instant now) {
        if (!now.isBefore(expiresAt)) {
            return Status.EXPIRED;
        }
        return answer.isPresent() ? Status.ANSWERED : Status.OPEN;
    }

    /** The event that carries the request to the agent. */
    public AgentRequested requestedEvent() {
        return new AgentRequested(agent, id, work, at);
    }

    /**
     * The event of the agent's answer, if the answer fits this request: it answers this kind of
     * request, an encryption report names the action asked for, and the request has no answer yet.
     *
     * @throws AnswerRefusedException if it does not fit
     */
    public RequestAnswered answeredBy(RequestAnswer given, Instant when) {
        if (answer.isPresent()) {
            throw new AnswerRefusedException("request " + id + " was answered already");
        }
        if (given.kind() != work.kind()) {
            throw new AnswerRefusedException("request " + id + " is not a " + given.kind() + " request");
        }
        if (given instanceof RequestAnswer.EncryptionReport report
                && report.action() != ((RequestedWork.EncryptVault) work).action()) {
            throw new AnswerRefusedException("request " + id + " asked for the vault's encryption to be "
                    + ((RequestedWork.EncryptVault) work).action().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not " + report.action().name().toLowerCase(java.util.Locale.ROOT));
        }
        return new RequestAnswered(agent, id, given.forLog(), when);
    }

    /** This request answered: the answer is kept until {@code keptUntil}. */
    public AgentRequest withAnswer(Answer given, Instant keptUntil) {
        return new AgentRequest(project, agent, id, work, at, keptUntil, Optional.of(given));
    }
}
