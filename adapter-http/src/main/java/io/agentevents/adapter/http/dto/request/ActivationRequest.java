package io.agentevents.adapter.http.dto.request;

import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.application.port.in.activation.ActivateAgentCommand;
import io.agentevents.application.port.in.activation.ActivateAgentsCommand;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.activation.Mode;

/** {@code {"event":"agent_activate","mode":"active"}}. */
public record ActivationRequest(Mode mode) implements AgentEventRequest {

    public static final String EVENT = "agent_activate";

    /** Reads the body of {@code POST /v2/{p}/events}, which only takes activations. */
    public static ActivationRequest from(JsonBody body) {
        String event = body.requiredText("event");
        if (!event.equals(EVENT)) {
            throw new BadRequestException("event must be agent_activate; got '" + WireNames.clip(event) + "'");
        }
        return fromActivation(body);
    }

    static ActivationRequest fromActivation(JsonBody body) {
        return new ActivationRequest(WireNames.mode(body.requiredText("mode")));
    }

    public ActivateAgentsCommand toCommand(Caller caller, ProjectId project, RequestId requestId) {
        return new ActivateAgentsCommand(caller, project, mode, requestId);
    }

    public ActivateAgentCommand toCommand(Caller caller, ProjectId project, AgentId agent, RequestId requestId) {
        return new ActivateAgentCommand(caller, project, agent, mode, requestId);
    }
}
