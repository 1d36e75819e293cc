package io.agentevents.adapter.http.wire;

import java.util.List;

/** The request is malformed: a body, header, path or query value that cannot be used. */
public class BadRequestException extends RuntimeException {

    private final List<String> errors;

    public BadRequestException(String message) {
        this(message, List.of(message));
    }

    public BadRequestException(String message, List<String> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
