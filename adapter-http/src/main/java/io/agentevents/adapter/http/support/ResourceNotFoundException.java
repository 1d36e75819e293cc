package io.agentevents.adapter.http.support;

/** A path that names nothing: a malformed project or agent id in it. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String message) {
        super(message);
    }
}
