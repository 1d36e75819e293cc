package io.agentevents.adapter.http;

import static io.agentevents.adapter.http.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.activation.ActivateAgentsCommand;
import io.agentevents.domain.activation.Mode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostProjectEventHandlerTest {

    private final TestApi api = new TestApi();
    private final List<ActivateAgentsCommand> received = new ArrayList<>();

    PostProjectEventHandlerTest() {
        api.activateAgents = received::add;
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @CsvSource({"idle, IDLE", "active, ACTIVE", "real_time, REAL_TIME"})
    void activation_isAcceptedWith202AndNoBody(String wire, Mode mode) {
        HttpResponse<String> response = api.authorized("POST", "/v2/p1/events",
                "{\"event\":\"agent_activate\",\"mode\":\"" + wire + "\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        assertThat(received).singleElement().satisfies(command -> {
            assertThat(command.mode()).isEqualTo(mode);
            assertThat(command.project()).isEqualTo(TestApi.PROJECT);
            assertThat(command.caller()).isEqualTo(api.caller);
            assertThat(command.requestId().toString()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        });
    }

    @Test
    void trailingSlashAndCharset_areAccepted() {
        HttpResponse<String> response = api.send("POST", "/v2/p1/events/", "{\"event\":\"agent_activate\",\"mode\":\"active\"}",
                "X-Auth-Token", TestApi.TOKEN, "Content-Type", "application/json; charset=UTF-8");

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void matchingProjectHeader_isAccepted() {
        assertThat(api.authorized("POST", "/v2/p1/events", "{\"event\":\"agent_activate\",\"mode\":\"active\"}",
                "X-Project-Id", "p1").statusCode()).isEqualTo(202);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"event\":\"agent_activate\"}|mode is required",
            "{\"mode\":\"active\"}|event is required",
            "{\"event\":\"agent_wake\",\"mode\":\"active\"}|event must be agent_activate",
            "{\"event\":\"agent_activate\",\"mode\":\"turbo\"}|mode must be one of idle, active, real_time",
            "{\"event\":\"agent_activate\",\"mode\":7}|mode must be a string",
            "{\"event\":[],\"mode\":\"active\"}|event must be a string",
            "{\"event\":\"agent_activate\",\"mode\":\"idle\",\"mode\":\"active\"}|not valid JSON",
            "[\"agent_activate\"]|must be a JSON object",
            "{\"event\":\"agent_activate\",\"mode\":\"active\"} trailing|not valid JSON",
            "not json|not valid JSON"})
    void badBody_is400NamingTheProblem(String body, String message) {
        assertError(api.authorized("POST", "/v2/p1/events", body), 400, message);
        assertThat(received).isEmpty();
    }

    @Test
    void missingEventCompletely_is400() {
        assertError(api.authorized("POST", "/v2/p1/events", "{\"event\":\"agent_activate\"}"), 400, "mode is required");
    }

    @Test
    void emptyBody_is400() {
        assertError(api.authorized("POST", "/v2/p1/events", ""), 400, "JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jsonx"})
    void nonJsonBody_is415(String contentType) {
        HttpResponse<String> response = api.send("POST", "/v2/p1/events", "{\"event\":\"agent_activate\",\"mode\":\"active\"}",
                "X-Auth-Token", TestApi.TOKEN, "Content-Type", contentType);

        assertError(response, 415, "application/json");
    }

    @Test
    void bodyOver64KiB_is413() {
        String huge = "{\"event\":\"agent_activate\",\"mode\":\"active\",\"pad\":\"" + "x".repeat(70_000) + "\"}";

        assertError(api.authorized("POST", "/v2/p1/events", huge), 413, "64 KiB");
        assertThat(received).isEmpty();
    }

    @Test
    void missingToken_is401() {
        assertError(api.send("POST", "/v2/p1/events", "{\"event\":\"agent_activate\",\"mode\":\"active\"}",
                "Content-Type", "application/json"), 401, "X-Auth-Token");
    }

    @Test
    void unknownToken_is401() {
        assertError(api.send("POST", "/v2/p1/events", "{\"event\":\"agent_activate\",\"mode\":\"active\"}",
                "Content-Type", "application/json", "X-Auth-Token", "wrong"), 401, "unknown token");
    }

    @Test
    void projectHeaderMismatch_is400() {
        assertError(api.authorized("POST", "/v2/p1/events", "{\"event\":\"agent_activate\",\"mode\":\"active\"}",
                "X-Project-Id", "p2"), 400, "X-Project-Id");
        assertThat(received).isEmpty();
    }

    @Test
    void deniedByTheUseCase_is403() {
        api.activateAgents = command -> {
            throw new AccessDeniedException("role observer may only read");
        };

        assertError(api.authorized("POST", "/v2/p1/events", "{\"event\":\"agent_activate\",\"mode\":\"active\"}"),
                403, "observer");
    }

    @Test
    void malformedProjectInPath_is404() {
        assertError(api.authorized("POST", "/v2/bad.project/events", "{\"event\":\"agent_activate\",\"mode\":\"active\"}"),
                404, "project");
    }
}
