package io.agentevents.domain.request;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.event.AgentRequestEvent;
import io.agentevents.domain.event.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent answered a request; the log keeps {@link RequestAnswer#forLog()} of it, the
 * request's result the whole answer.
 *
 * @param agentId the agent that answered
 * @param request the request it answered
 * @param answer  what it answered
 * @param at      when
 */
public record RequestAnswered(AgentId agentId, RequestId request, RequestAnswer answer, Instant at)
        implements AgentRequestEvent {

    public RequestAnswered {
        Objects.requireNonNull(agentId, "agentId must not be null");
        Objects.requireNonNull(request, "request must not be null");
        Objects.requireNonNull(answer, "answer must not be null");
        Objects.requireNonNull(at, "at must not be null");
    }

    @Override
    public Optional<AgentId> agent() {
        return Optional.of(agentId);
    }

    @Override
    public EventType type() {
        if (answer instanceof RequestAnswer.BrowseListing) {
            return EventType.HOST_BROWSED;
        } else if (answer instanceof RequestAnswer.PasswordVerification) {
            return EventType.VAULT_PASSWORD_VERIFIED;
        }
        return ((RequestAnswer.EncryptionReport) answer).action() == EncryptionAction.ENABLED
                ? EventType.VAULT_ENCRYPTION_ENABLED : EventType.VAULT_ENCRYPTION_CHANGED;
    }
}
