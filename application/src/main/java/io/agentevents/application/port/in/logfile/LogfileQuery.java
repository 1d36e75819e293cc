package io.agentevents.application.port.in.logfile;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import java.util.Objects;

/** One log file of an agent, by its id. */
public record LogfileQuery(Caller caller, ProjectId project, AgentId agent, RequestId logfile) {

    public LogfileQuery {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(logfile, "logfile must not be null");
    }
}
