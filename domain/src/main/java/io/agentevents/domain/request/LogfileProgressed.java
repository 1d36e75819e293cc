package io.agentevents.domain.request;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.event.AgentRequestEvent;
import io.agentevents.domain.event.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent's upload of a log file moved on ({@code logfile_started}, {@code logfile_completed}).
 *
 * @param agentId the agent uploading
 * @param request the log file, by the id of the request that asked for it
 * @param state   {@link LogfileState#STARTED} or {@link LogfileState#COMPLETED}
 * @param at      when
 */
public record LogfileProgressed(AgentId agentId, RequestId request, LogfileState state, Instant at)
        implements AgentRequestEvent {

    /** @throws IllegalArgumentException if the state is {@link LogfileState#REQUESTED}, which is no progress */
    public LogfileProgressed {
        Objects.requireNonNull(agentId, "agentId must not be null");
        Objects.requireNonNull(request, "request must not be null");
        Objects.requireNonNull(state, "state must not be null");
        Objects.requireNonNull(at, "at must not be null");
        if (state == LogfileState.REQUESTED) {
            throw new IllegalArgumentException("a log file's progress is started or completed");
        }
    }

    @Override
    public Optional<AgentId> agent() {
        return Optional.of(agentId);
    }

    @Override
    public EventType type() {
        return state == LogfileState.STARTED ? EventType.LOGFILE_STARTED : EventType.LOGFILE_COMPLETED;
    }
}
