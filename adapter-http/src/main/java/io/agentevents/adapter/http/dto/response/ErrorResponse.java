package io.agentevents.adapter.http.dto.response;

import java.util.List;

/** The body of every error: a sentence, and each problem found. */
public record ErrorResponse(String message, List<String> errors) {

    public ErrorResponse {
        errors = List.copyOf(errors);
    }
}
