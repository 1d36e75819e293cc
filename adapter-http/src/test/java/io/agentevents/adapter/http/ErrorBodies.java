package io.agentevents.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.adapter.http.support.JsonCodec;
import java.net.http.HttpResponse;

/** Checks the shape every error shares: status, JSON body with message and errors, request id. */
final class ErrorBodies {

    private static final JsonCodec CODEC = new JsonCodec();

    private ErrorBodies() {
    }

    static JsonNode assertError(HttpResponse<String> response, int status, String messagePart) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}"));
        JsonNode body = CODEC.readTree(response.body());
        assertThat(body.get("message").asText()).containsIgnoringCase(messagePart);
        assertThat(body.get("errors").isArray()).isTrue();
        assertThat(body.get("errors")).isNotEmpty();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("io.agentevents");
        return body;
    }
}
