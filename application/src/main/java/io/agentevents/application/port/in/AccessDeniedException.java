package io.agentevents.application.port.in;

/** The token is valid, but not for this project, or its role or agent may not do this. */
public final class AccessDeniedException extends UseCaseException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
