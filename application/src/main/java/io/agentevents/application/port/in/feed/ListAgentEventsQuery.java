package io.agentevents.application.port.in.feed;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.event.EventPageRequest;
import java.util.Objects;

/** Reads an agent's feed: its events and the project's activations. */
public record ListAgentEventsQuery(Caller caller, ProjectId project, AgentId agent, EventPageRequest page,
                                   RequestId requestId) {

    public ListAgentEventsQuery {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(page, "page must not be null");
        Objects.requireNonNull(requestId, "requestId must not be null");
    }
}
