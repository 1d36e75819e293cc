package io.agentevents.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** The JSON of a 200 or 202 answer, with its status checked first. */
final class JsonBodies {

    private final TestApi api;

    JsonBodies(TestApi api) {
        this.api = api;
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
        return api.codec.readTree(response.body());
    }
}
