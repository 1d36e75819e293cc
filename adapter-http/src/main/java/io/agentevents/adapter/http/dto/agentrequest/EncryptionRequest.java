package io.agentevents.adapter.http.dto.agentrequest;

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
 * The body of <i>Enable or change encryption for an agent's vault</i>:
 * {@code new_encrypted_password_hex}, and {@code old_encrypted_password_hex}, null to encrypt a
 * vault that is not encrypted yet.
 */
public record EncryptionRequest(Optional<EncryptedPassword> current, EncryptedPassword next) {

    public static EncryptionRequest from(JsonBody body) {
        Optional<EncryptedPassword> current = EncodedFields.optionalPassword(body, "old_encrypted_password_hex");
        return new EncryptionRequest(current, EncodedFields.password(body, "new_encrypted_password_hex"));
    }

    public AskAgentCommand toCommand(Caller caller, ProjectId project, AgentId agent, RequestId requestId) {
        return new AskAgentCommand(caller, project, agent, new RequestedWork.EncryptVault(current, next), requestId);
    }
}
