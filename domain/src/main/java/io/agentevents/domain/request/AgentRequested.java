package io.agentevents.domain.request;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.event.AgentRequestEvent;
import io.agentevents.domain.event.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A client asked the agent for {@code work}: the event rides the agent's feed, so a polling
 * agent learns of it, and a long-polling one at once.
 *
 * @param agentId the agent asked
 * @param request the request's id
 * @param work    what it is asked to do
 * @param at      when it was asked
 */
public record AgentRequested(AgentId agentId, RequestId request, RequestedWork work, Instant at)
        implements AgentRequestEvent {

    public AgentRequested {
        Objects.requireNonNull(agentId, "agentId must not be null");
        Objects.requireNonNull(request, "request must not be null");
        Objects.requireNonNull(work, "work must not be null");
        Objects.requireNonNull(at, "at must not be null");
    }

    @Override
    public Optional<AgentId> agent() {
        return Optional.of(agentId);
    }

    @Override
    public EventType type() {
        if (work instanceof RequestedWork.BrowseHost) {
            return EventType.HOST_BROWSE;
        } else if (work instanceof RequestedWork.VerifyVaultPassword) {
            return EventType.VAULT_PASSWORD_VERIFY;
        } else if (work instanceof RequestedWork.EncryptVault encrypt) {
            return encrypt.changesPassword() ? EventType.VAULT_ENCRYPTION_CHANGE : EventType.VAULT_ENCRYPTION_ENABLE;
        }
        return EventType.LOGFILE_UPLOAD;
    }
}
