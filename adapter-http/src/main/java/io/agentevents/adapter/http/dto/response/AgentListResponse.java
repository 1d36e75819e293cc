package io.agentevents.adapter.http.dto.response;

import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.domain.agent.RegisteredAgent;
import java.util.List;

/** {@code {"agents":[…]}}: every agent of the project, or of one host machine; empty when there are none. */
public record AgentListResponse(List<AgentResponse> agents) {

    public static AgentListResponse from(List<RegisteredAgent> agents, PublicUrl publicUrl) {
        return new AgentListResponse(agents.stream().map(agent -> AgentResponse.from(agent, publicUrl)).toList());
    }
}
