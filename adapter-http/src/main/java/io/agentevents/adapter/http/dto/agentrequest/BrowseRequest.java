package io.agentevents.adapter.http.dto.agentrequest;

import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.application.port.in.request.AskAgentCommand;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.request.RequestedWork;

/**
 * The body of <i>Request to browse an agent's files</i>: {@code path}, and {@code path_encoded}
 * (its bytes in base64) when the path is not UTF-8.
 */
public record BrowseRequest(RequestedWork.BrowseHost work) {

    public static BrowseRequest from(JsonBody body) {
        String path = body.requiredText("path");
        try {
            return new BrowseRequest(new RequestedWork.BrowseHost(path, EncodedFields.base64(body, "path_encoded")));
        } catch (IllegalArgumentException malformed) {
            throw new BadRequestException(malformed.getMessage());
        }
    }

    public AskAgentCommand toCommand(Caller caller, ProjectId project, AgentId agent, RequestId requestId) {
        return new AskAgentCommand(caller, project, agent, work, requestId);
    }
}
