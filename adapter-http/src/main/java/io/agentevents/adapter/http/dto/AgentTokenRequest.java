package io.agentevents.adapter.http.dto;

import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.application.port.in.AuthenticateAgentCommand;
import io.agentevents.application.port.in.Secret;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;

/** {@code {"agent_id":…,"password":…,"host":{"fingerprint":…}}}. */
public record AgentTokenRequest(String agentId, Secret password, String hostFingerprint) {

    public static AgentTokenRequest from(JsonBody body) {
        return new AgentTokenRequest(body.requiredText("agent_id"), new Secret(body.requiredText("password")),
                body.requiredObject("host").requiredText("fingerprint"));
    }

    /** @throws IllegalArgumentException if the agent id is not a UUID */
    public AuthenticateAgentCommand toCommand(ProjectId project) {
        return new AuthenticateAgentCommand(project, AgentId.parse(agentId), password, hostFingerprint);
    }
}
