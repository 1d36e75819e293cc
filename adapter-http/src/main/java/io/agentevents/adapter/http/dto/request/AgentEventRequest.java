package io.agentevents.adapter.http.dto.request;

import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.application.port.in.feed.AgentSignal;

/** The body of {@code POST /v2/{p}/agents/{a}/events}: an activation, or an agent's own report. */
public sealed interface AgentEventRequest permits ActivationRequest, AgentSignalRequest {

    static AgentEventRequest from(JsonBody body) {
        String event = body.requiredText("event");
        return switch (event) {
            case ActivationRequest.EVENT -> ActivationRequest.fromActivation(body);
            case "startup" -> new AgentSignalRequest(AgentSignal.STARTUP, false);
            case "shutdown" -> new AgentSignalRequest(AgentSignal.SHUTDOWN, false);
            case "heartbeat" -> new AgentSignalRequest(AgentSignal.HEARTBEAT, body.optionalBoolean("busy", false));
            default -> throw new BadRequestException(
                    "event must be one of agent_activate, startup, shutdown, heartbeat; got '" + WireNames.clip(event) + "'");
        };
    }
}
