package io.agentevents.application.port.in.request;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.request.RequestKind;
import java.time.Duration;
import java.util.Objects;

/**
 * The answer to request {@code request}, a request of {@code kind} made of the agent.
 *
 * @param maxWait how long to wait for the answer when there is none yet; zero answers at once
 */
public record ReadAnswerQuery(Caller caller, ProjectId project, AgentId agent, RequestId request, RequestKind kind,
                              Duration maxWait) {

    public ReadAnswerQuery {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(request, "request must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(maxWait, "maxWait must not be null");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
    }
}
