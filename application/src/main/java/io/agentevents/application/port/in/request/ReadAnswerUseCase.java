package io.agentevents.application.port.in.request;

/**
 * {@code GET /v2/{p}/agents/{a}/browse-requests/{id}}, {@code …/vault-password-verification-requests/{id}}
 * and {@code …/vault-encryption-requests/{id}} (users, or the agent itself): the agent's answer,
 * or with a wait, the answer as soon as the agent gives it, on any node. No thread is held while
 * it waits: it wakes on the signal of the agent's feed, as a long-polling agent does.
 */
@FunctionalInterface
public interface ReadAnswerUseCase {

    PendingAnswer read(ReadAnswerQuery query);
}
