package io.agentevents.adapter.http.dto;

import io.agentevents.domain.agent.RegisteredAgent;
import java.util.List;

public record AgentListResponse(List<AgentResponse> agents) {

    public static AgentListResponse from(List<RegisteredAgent> agents) {
        return new AgentListResponse(agents.stream().map(AgentResponse::from).toList());
    }
}
