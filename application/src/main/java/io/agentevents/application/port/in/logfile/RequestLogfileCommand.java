package io.agentevents.application.port.in.logfile;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import java.util.Objects;

/**
 * Asks an agent to upload its log file.
 *
 * @param requestId the id of the call, which becomes the log file's id
 */
public record RequestLogfileCommand(Caller caller, ProjectId project, AgentId agent, RequestId requestId) {

    public RequestLogfileCommand {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(requestId, "requestId must not be null");
    }
}
