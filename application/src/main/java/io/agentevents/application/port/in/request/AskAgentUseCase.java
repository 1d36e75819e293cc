package io.agentevents.application.port.in.request;

import io.agentevents.domain.request.AgentRequest;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /v2/{p}/agents/{a}/browse-requests}, {@code …/vault-password-verification-requests}
 * and {@code …/vault-encryption-requests} (admin, creator): the request's event goes into the
 * agent's feed, waking it if it long-polls, and the request waits for the agent's answer for the
 * request TTL. Fails with {@code AgentNotFoundException} for an unknown agent (or another agent
 * whose vault is to be verified), {@code VaultStateException} for a vault request that does not
 * fit the vault's state, {@code AccessDeniedException}.
 */
@FunctionalInterface
public interface AskAgentUseCase {

    /** @return the request as opened: its id is the command's request id */
    CompletionStage<AgentRequest> ask(AskAgentCommand command);
}
