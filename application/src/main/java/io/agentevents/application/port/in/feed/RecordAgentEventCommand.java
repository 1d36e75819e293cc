package io.agentevents.application.port.in.feed;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import java.util.Objects;

/**
 * An agent reports a startup, a shutdown or a heartbeat.
 *
 * @param busy only meaningful for a heartbeat
 */
public record RecordAgentEventCommand(Caller caller, ProjectId project, AgentId agent, AgentSignal signal,
                                      boolean busy, RequestId requestId) {

    public RecordAgentEventCommand {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(signal, "signal must not be null");
        Objects.requireNonNull(requestId, "requestId must not be null");
    }
}
