package io.agentevents.application.port.in;

/**
 * A failure the caller of a use case must handle: each subclass stands for one answer a
 * client gets (the HTTP adapter maps every one of them to a status).
 */
public abstract sealed class UseCaseException extends RuntimeException
        permits NotAuthenticatedException, AccessDeniedException, ProjectNotFoundException, AgentNotFoundException,
        FingerprintMismatchException, IdempotencyConflictException, AgentDisabledException, ServiceBusyException,
        RequestNotFoundException, VaultStateException, MarkerNotFoundException {

    protected UseCaseException(String message) {
        super(message);
    }
}
