package io.agentevents.application.port.in.feed;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.event.EventPageRequest;
import java.util.Objects;

/**
 * Reads an agent's feed: its events and the project's activations.
 *
 * @param rereadWhileWaiting a long-poll reading again after a signal: not a new check-in
 */
public record ListAgentEventsQuery(Caller caller, ProjectId project, AgentId agent, EventPageRequest page,
                                   RequestId requestId, boolean rereadWhileWaiting) {

    /** A first read: when the agent itself asks, it checks in. */
    public ListAgentEventsQuery(Caller caller, ProjectId project, AgentId agent, EventPageRequest page,
                                RequestId requestId) {
        this(caller, project, agent, page, requestId, false);
    }

    /** The same read again, for a waiting long-poll. */
    public ListAgentEventsQuery reread() {
        return new ListAgentEventsQuery(caller, project, agent, page, requestId, true);
    }

    public ListAgentEventsQuery {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(page, "page must not be null");
        Objects.requireNonNull(requestId, "requestId must not be null");
    }
}
