package io.agentevents.adapter.http.dto;

import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.application.port.in.RegisterAgentCommand;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.agent.AgentHost;

/** {@code {"name":…,"version":…,"host":{"name":…,"os":…,"fingerprint":…}}}. */
public record RegisterAgentRequest(String name, String version, String hostName, String hostOs, String hostFingerprint) {

    public static RegisterAgentRequest from(JsonBody body) {
        JsonBody host = body.requiredObject("host");
        return new RegisterAgentRequest(body.requiredText("name"), body.requiredText("version"),
                host.requiredText("name"), host.requiredText("os"), host.requiredText("fingerprint"));
    }

    /** @throws IllegalArgumentException if a text field is blank or too long */
    public RegisterAgentCommand toCommand(Caller caller, ProjectId project, RequestId requestId) {
        return new RegisterAgentCommand(caller, project, name, version, new AgentHost(hostName, hostOs, hostFingerprint),
                requestId);
    }
}
