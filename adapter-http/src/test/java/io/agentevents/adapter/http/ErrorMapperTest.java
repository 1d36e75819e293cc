package io.agentevents.adapter.http;

import static io.agentevents.adapter.http.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.adapter.http.edge.ErrorMapper;
import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.FingerprintMismatchException;
import io.agentevents.application.port.in.UseCaseException;
import io.agentevents.application.port.in.agent.AgentConfiguration;
import io.agentevents.application.port.out.StoreUnavailableException;
import io.agentevents.domain.DomainException;
import io.agentevents.domain.ForeignActivationException;
import io.agentevents.domain.TestAgents;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.activation.Schedules;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The error table of SPEC.md, row by row, through the real router. */
class ErrorMapperTest {

    private final TestApi api = new TestApi();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void everyUseCaseAndDomainFailure_hasAStatusOtherThan500() {
        for (Class<?> type : UseCaseException.class.getPermittedSubclasses()) {
            if (type == io.agentevents.application.port.in.ServiceBusyException.class) {
                continue; // the node's own limit, not the client's doing: below
            }
            assertThat(ErrorMapper.statusOf(type.asSubclass(Throwable.class))).as(type.getSimpleName()).isBetween(400, 499);
        }
        assertThat(ErrorMapper.statusOf(io.agentevents.application.port.in.ServiceBusyException.class)).isEqualTo(503);
        for (Class<?> type : DomainException.class.getPermittedSubclasses()) {
            assertThat(ErrorMapper.statusOf(type.asSubclass(Throwable.class))).as(type.getSimpleName()).isEqualTo(409);
        }
        assertThat(Arrays.asList(UseCaseException.class.getPermittedSubclasses())).hasSize(11);
        assertThat(ErrorMapper.statusOf(io.agentevents.application.port.in.MarkerNotFoundException.class))
                .as("a page's marker is the query's").isEqualTo(400);
        assertThat(ErrorMapper.statusOf(io.agentevents.application.port.in.VaultStateException.class))
                .as("the reference's 403 for a vault in the wrong state").isEqualTo(403);
        assertThat(ErrorMapper.statusOf(io.agentevents.application.port.in.RequestNotFoundException.class)).isEqualTo(404);
    }

    @Test
    void unknownRoute_is404WithJsonBody() {
        assertError(api.authorized("GET", "/v2/p1/nothing-here", null), 404, "not found");
        assertError(api.send("GET", "/", null), 404, "not found");
    }

    @Test
    void knownPathWithAnotherMethod_is405WithAllow() {
        HttpResponse<String> response = api.authorized("PUT", "/v2/p1/events", "{}");

        assertError(response, 405, "method not allowed");
        assertThat(response.headers().firstValue("Allow").orElseThrow()).contains("GET").contains("POST");
    }

    @Test
    void tokensPathWithGet_is405AllowingPost() {
        HttpResponse<String> response = api.send("GET", "/v2/p1/agents/tokens", null);

        assertError(response, 405, "method not allowed");
        assertThat(response.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void agentPathWithPut_is405() {
        HttpResponse<String> response = api.authorized("PUT", "/v2/p1/agents/" + TestSessions.newAgent(), "{}");

        assertError(response, 405, "method not allowed");
        assertThat(response.headers().firstValue("Allow").orElseThrow()).isEqualTo("GET, PATCH, DELETE");
    }

    @Test
    void unknownAgent_is404() {
        var agent = TestSessions.newAgent();
        api.agentStatus = query -> {
            throw new AgentNotFoundException(query.project(), query.agent());
        };

        assertError(api.authorized("GET", "/v2/p1/agents/" + agent + "/status", null), 404, agent.toString());
    }

    @Test
    void malformedAgentIdInPath_is404() {
        assertError(api.authorized("GET", "/v2/p1/agents/not-a-uuid/status", null), 404, "agent");
    }

    @Test
    void fingerprintMismatch_is409() {
        api.authenticateAgent = command -> {
            throw new FingerprintMismatchException(command.agent());
        };

        assertError(api.send("POST", "/v2/p1/agents/tokens",
                "{\"id\":\"" + TestSessions.newAgent() + "\",\"password\":\"pw\",\"host\":{\"fingerprint\":\"f\"}}",
                "Content-Type", "application/json"), 409, "fingerprint");
    }

    @Test
    void idempotencyConflict_is409() {
        api.activateAgents = command -> { };
        api.authorized("POST", "/v2/p1/events", "{\"event\":\"agent_activate\",\"mode\":\"active\"}",
                "Idempotency-Key", "k1");

        assertError(api.authorized("POST", "/v2/p1/events", "{\"event\":\"agent_activate\",\"mode\":\"idle\"}",
                "Idempotency-Key", "k1"), 409, "Idempotency-Key");
    }

    @Test
    void domainRuleViolation_is409() {
        api.activateAgent = command -> {
            throw new ForeignActivationException(TestSessions.newAgent(), command.agent());
        };

        assertError(api.authorized("POST", "/v2/p1/agents/" + TestSessions.newAgent() + "/events",
                "{\"event\":\"agent_activate\",\"mode\":\"active\"}"), 409, "cannot be applied");
    }

    @Test
    void storeUnavailable_is503WithRetryAfter() {
        api.activateAgents = command -> {
            throw new StoreUnavailableException("the store is unreachable", new RuntimeException("connection refused"));
        };

        HttpResponse<String> response = api.authorized("POST", "/v2/p1/events", "{\"event\":\"agent_activate\",\"mode\":\"active\"}");

        assertError(response, 503, "unreachable");
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
    }

    @Test
    void bug_is500WithAGenericMessageAndTheRequestId() {
        api.activateAgents = command -> {
            throw new IllegalArgumentException("secret internals at io.agentevents.Something");
        };

        HttpResponse<String> response = api.authorized("POST", "/v2/p1/events", "{\"event\":\"agent_activate\",\"mode\":\"active\"}");

        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertError(response, 500, "internal error");
        assertThat(response.body()).contains(requestId).doesNotContain("secret internals");
    }

    @Test
    void everyResponse_carriesARequestId() {
        api.agentConfiguration = query -> new AgentConfiguration(
                TestAgents.agent(TestApi.PROJECT, "web-1", TestSessions.T0), Schedules.defaults());

        HttpResponse<String> ok = api.authorized("GET", "/v2/p1/agents/" + TestSessions.newAgent() + "/configuration", null);

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void requestIds_areDistinctRandomUuids() {
        api.agentConfiguration = query -> new AgentConfiguration(
                TestAgents.agent(TestApi.PROJECT, "web-1", TestSessions.T0), Schedules.defaults());
        java.util.Set<String> ids = new java.util.HashSet<>();

        for (int i = 0; i < 50; i++) {
            ids.add(api.authorized("GET", "/v2/p1/agents/" + TestSessions.newAgent() + "/configuration", null)
                    .headers().firstValue("X-Request-Id").orElseThrow());
        }

        assertThat(ids).hasSize(50).allSatisfy(id -> {
            java.util.UUID uuid = java.util.UUID.fromString(id);
            assertThat(uuid.version()).as("version of %s", id).isEqualTo(4);
            assertThat(uuid.variant()).as("variant of %s", id).isEqualTo(2);
        });
    }
}
