package io.agentevents.application.port.in;

/** The node has no place for this request within its budget; nothing was done and it may be sent again. */
public final class ServiceBusyException extends UseCaseException {

    private final long retryAfterSeconds;

    public ServiceBusyException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
