package io.agentevents.adapter.http.support;

/** A request body that is not JSON. */
public class UnsupportedMediaTypeException extends RuntimeException {

    public UnsupportedMediaTypeException(String message) {
        super(message);
    }
}
