package io.agentevents.application.port.in.logfile;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.request.LogfileState;
import java.util.Objects;

/** The agent's report that the upload of a log file moved on to {@code state}. */
public record UpdateLogfileCommand(Caller caller, ProjectId project, AgentId agent, RequestId logfile,
                                   LogfileState state) {

    public UpdateLogfileCommand {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(logfile, "logfile must not be null");
        Objects.requireNonNull(state, "state must not be null");
    }
}
