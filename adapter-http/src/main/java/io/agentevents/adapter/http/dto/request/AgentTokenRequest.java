package io.agentevents.adapter.http.dto.request;

import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.application.port.in.access.AuthenticateAgentCommand;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TextFields;
import java.util.List;
import java.util.Optional;

/**
 * The body of <i>Authenticate an agent</i>: {@code project_id}, {@code id}, {@code password},
 * {@code name}, {@code version}, {@code host {os, fingerprint, addresses}}. The agent's id, its
 * password and its host's fingerprint are required; what else it reports about itself is checked
 * for its shape (and {@code project_id} against the path) but not kept.
 */
public record AgentTokenRequest(Optional<String> projectId, String agentId, Secret password, Optional<String> name,
                                Optional<String> version, Optional<OperatingSystemRequest> os, String hostFingerprint,
                                List<AddressRequest> addresses) {

    public static AgentTokenRequest from(JsonBody body) {
        Optional<String> projectId = body.optionalText("project_id");
        String agentId = body.requiredText("id");
        Secret password = new Secret(body.requiredText("password"));
        Optional<String> name = body.optionalText("name");
        Optional<String> version = body.optionalText("version");
        JsonBody host = body.requiredObject("host");
        Optional<OperatingSystemRequest> os = host.optionalObject("os").map(OperatingSystemRequest::from);
        List<AddressRequest> addresses = host.optionalArray("addresses").map(AddressRequest::listFrom).orElse(List.of());
        return new AgentTokenRequest(projectId, agentId, password, name, version, os, host.requiredText("fingerprint"),
                addresses);
    }

    /**
     * @param clientAddress where the request came from, empty if unknown
     * @throws BadRequestException      if {@code project_id} names another project than the path
     * @throws IllegalArgumentException naming the field whose value breaks a rule
     */
    public AuthenticateAgentCommand toCommand(ProjectId project, String clientAddress) {
        if (projectId.isPresent() && !projectId.get().equals(project.value())) {
            throw new BadRequestException("project_id must equal the project in the path");
        }
        name.ifPresent(value -> TextFields.requireText(value, "name"));
        version.ifPresent(value -> TextFields.requireText(value, "version"));
        os.ifPresent(OperatingSystemRequest::toOperatingSystem);
        addresses.forEach(AddressRequest::toAddress);
        return new AuthenticateAgentCommand(project, AgentId.parse(agentId), password, hostFingerprint, clientAddress);
    }
}
