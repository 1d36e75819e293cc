package io.agentevents.adapter.http.dto.request;

import io.agentevents.application.port.in.feed.AgentSignal;
import io.agentevents.application.port.in.feed.RecordAgentEventCommand;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;

/** {@code {"event":"startup"}}, {@code "shutdown"}, or {@code {"event":"heartbeat","busy":true}}. */
public record AgentSignalRequest(AgentSignal signal, boolean busy) implements AgentEventRequest {

    public RecordAgentEventCommand toCommand(Caller caller, ProjectId project, AgentId agent, RequestId requestId) {
        return new RecordAgentEventCommand(caller, project, agent, signal, busy, requestId);
    }
}
