package io.agentevents.application.port.in;

/** The request carries no token, or one that is unknown or expired, or wrong agent credentials. */
public final class NotAuthenticatedException extends UseCaseException {

    public NotAuthenticatedException(String message) {
        super(message);
    }
}
