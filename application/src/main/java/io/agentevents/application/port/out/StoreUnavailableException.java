package io.agentevents.application.port.out;

/**
 * The store could not be reached or gave up; nothing of the operation was written. Callers may
 * retry later. Stores raise this instead of their driver's exceptions.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
