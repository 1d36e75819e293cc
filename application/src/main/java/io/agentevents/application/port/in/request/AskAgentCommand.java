package io.agentevents.application.port.in.request;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.request.RequestedWork;
import java.util.Objects;

/**
 * Asks an agent to browse its files, verify a vault password, or encrypt its vault.
 *
 * @param requestId the id of the call, which becomes the request's id
 */
public record AskAgentCommand(Caller caller, ProjectId project, AgentId agent, RequestedWork work, RequestId requestId) {

    /** @throws IllegalArgumentException for a log file upload, which has its own use case */
    public AskAgentCommand {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(work, "work must not be null");
        Objects.requireNonNull(requestId, "requestId must not be null");
        if (work instanceof RequestedWork.UploadLogfile) {
            throw new IllegalArgumentException("a log file is requested with RequestLogfileUseCase");
        }
    }
}
