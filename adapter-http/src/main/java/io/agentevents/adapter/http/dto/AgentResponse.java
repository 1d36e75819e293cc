package io.agentevents.adapter.http.dto;

import io.agentevents.adapter.http.wire.Timestamps;
import io.agentevents.domain.agent.RegisteredAgent;

public record AgentResponse(String id, String name, String version, HostResponse host, String registeredAt) {

    public static AgentResponse from(RegisteredAgent agent) {
        return new AgentResponse(agent.id().toString(), agent.name(), agent.version(),
                new HostResponse(agent.host().name(), agent.host().os()), Timestamps.format(agent.registeredAt()));
    }
}
