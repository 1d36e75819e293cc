package io.agentevents.application.port.in;

/**
 * No such request of that agent, or none with an answer to show: not answered yet, expired, or
 * never made. The message says which.
 */
public final class RequestNotFoundException extends UseCaseException {

    public RequestNotFoundException(String message) {
        super(message);
    }
}
