package io.agentevents.domain.event;

import io.agentevents.domain.RequestId;
import java.util.Objects;

/**
 * An event as kept in a project's log.
 *
 * @param id        its position in the log; ids only grow within a project
 * @param event     what happened, with the instant it happened at
 * @param requestId the request that caused it
 */
public record StoredEvent(EventId id, AgentEvent event, RequestId requestId) {

    public StoredEvent {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(event, "event must not be null");
        Objects.requireNonNull(requestId, "requestId must not be null");
    }
}
