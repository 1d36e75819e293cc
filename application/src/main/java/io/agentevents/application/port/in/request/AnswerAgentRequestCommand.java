package io.agentevents.application.port.in.request;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.request.RequestAnswer;
import java.util.Objects;

/** The agent's answer to request {@code request}. */
public record AnswerAgentRequestCommand(Caller caller, ProjectId project, AgentId agent, RequestId request,
                                        RequestAnswer answer) {

    public AnswerAgentRequestCommand {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(request, "request must not be null");
        Objects.requireNonNull(answer, "answer must not be null");
    }
}
