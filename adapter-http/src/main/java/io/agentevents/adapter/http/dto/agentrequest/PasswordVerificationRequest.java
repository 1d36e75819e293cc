package io.agentevents.adapter.http.dto.agentrequest;

import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.application.port.in.request.AskAgentCommand;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.request.EncryptedPassword;
import io.agentevents.domain.request.RequestedWork;
import java.util.Optional;

/**
 * The body of <i>Request to verify the password for an agent's vault</i>:
 * {@code encrypted_password_hex}, and {@code agent_id}, the agent whose vault it is, or null for
 * the agent asked.
 */
public record PasswordVerificationRequest(EncryptedPassword password, Optional<AgentId> vaultOf) {

    public static PasswordVerificationRequest from(JsonBody body) {
        EncryptedPassword password = EncodedFields.password(body, "encrypted_password_hex");
        Optional<AgentId> vaultOf = body.optionalText("agent_id").map(id -> {
            try {
                return AgentId.parse(id);
            } catch (IllegalArgumentException malformed) {
                throw new BadRequestException("agent_id must be an agent's id, or null for this agent: "
                        + malformed.getMessage());
            }
        });
        return new PasswordVerificationRequest(password, vaultOf);
    }

    public AskAgentCommand toCommand(Caller caller, ProjectId project, AgentId agent, RequestId requestId) {
        return new AskAgentCommand(caller, project, agent,
                new RequestedWork.VerifyVaultPassword(password, vaultOf.orElse(agent)), requestId);
    }
}
