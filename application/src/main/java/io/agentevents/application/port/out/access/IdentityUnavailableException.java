package io.agentevents.application.port.out.access;

/**
 * The identity service could not be reached, gave up or refused this service's own account: a
 * token it alone could vouch for can be neither accepted nor refused now. Callers may retry later.
 */
public class IdentityUnavailableException extends RuntimeException {

    public IdentityUnavailableException(String message) {
        super(message);
    }

    public IdentityUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
