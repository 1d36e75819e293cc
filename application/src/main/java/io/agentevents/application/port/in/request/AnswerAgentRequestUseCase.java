package io.agentevents.application.port.in.request;

import java.util.concurrent.CompletionStage;

/**
 * {@code POST /v2/{p}/agents/{a}/browse-requests/{id}}, {@code …/vault-password-verification-requests/{id}}
 * and {@code …/vault-encryption-requests/{id}}, by the agent itself: keeps its answer for the
 * request TTL, puts its event in the agent's feed and wakes the clients waiting for it, on every
 * node. A first successful encryption marks the agent's vault encrypted. Fails with
 * {@code RequestNotFoundException} for an unknown or expired request (or one of another kind),
 * {@code AnswerRefusedException} for a second answer or one that does not fit the request,
 * {@code AccessDeniedException} for any token but the agent's own.
 */
@FunctionalInterface
public interface AnswerAgentRequestUseCase {

    CompletionStage<Void> answer(AnswerAgentRequestCommand command);
}
