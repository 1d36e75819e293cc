package io.agentevents.application.port.in;

/**
 * Too many failed sign-ins for this agent or from this address: every attempt is refused, right
 * password or not, until the back-off has passed.
 */
public final class SignInThrottledException extends UseCaseException {

    private final long retryAfterSeconds;

    public SignInThrottledException(long retryAfterSeconds) {
        super("too many failed sign-ins; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
