package io.agentevents.adapter.http;

import static io.agentevents.adapter.http.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentRegistration;
import io.agentevents.application.port.in.AgentSignal;
import io.agentevents.application.port.in.AgentToken;
import io.agentevents.application.port.in.AuthenticateAgentCommand;
import io.agentevents.application.port.in.DeleteAgentCommand;
import io.agentevents.application.port.in.IdempotencyClaim;
import io.agentevents.application.port.in.IdempotentAnswer;
import io.agentevents.application.port.in.RecordAgentEventCommand;
import io.agentevents.application.port.in.RegisterAgentCommand;
import io.agentevents.application.port.in.Secret;
import io.agentevents.application.port.in.ActivateAgentCommand;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.agent.AgentHost;
import io.agentevents.domain.agent.RegisteredAgent;
import io.agentevents.domain.session.AgentStatus;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentHandlersTest {

    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.000008Z");
    private static final String REGISTRATION = "{\"name\":\"web-1\",\"version\":\"1.2.3\","
            + "\"host\":{\"name\":\"web-1.example.com\",\"os\":\"linux\",\"fingerprint\":\"fp-1\"}}";

    private final TestApi api = new TestApi();
    private final AgentId agent = TestSessions.newAgent();
    private final RegisteredAgent registered = new RegisteredAgent(TestApi.PROJECT, agent, "web-1", "1.2.3",
            new AgentHost("web-1.example.com", "linux", "fp-1"), AT);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void register_is201WithLocationIdAndOneTimePassword() {
        List<RegisterAgentCommand> commands = new ArrayList<>();
        api.registerAgent = command -> {
            commands.add(command);
            return new AgentRegistration(registered, new Secret("one-time-pw"));
        };

        HttpResponse<String> response = api.authorized("POST", "/v2/p1/agents", REGISTRATION);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).contains("/v2/p1/agents/" + agent);
        JsonNode body = api.codec.readTree(response.body());
        assertThat(body.get("id").asText()).isEqualTo(agent.toString());
        assertThat(body.get("password").asText()).isEqualTo("one-time-pw");
        assertThat(body.get("registered_at").asText()).isEqualTo("2026-03-04T05:06:07.000008Z");
        assertThat(commands.get(0).host()).isEqualTo(new AgentHost("web-1.example.com", "linux", "fp-1"));
    }

    @Test
    void register_withMissingOrBlankFields_is400() {
        assertError(api.authorized("POST", "/v2/p1/agents", "{\"name\":\"web-1\",\"version\":\"1\"}"), 400, "host is required");
        assertError(api.authorized("POST", "/v2/p1/agents",
                "{\"name\":\"web-1\",\"version\":\"1\",\"host\":{\"name\":\"h\",\"os\":\"linux\"}}"), 400, "host.fingerprint is required");
        assertError(api.authorized("POST", "/v2/p1/agents",
                "{\"name\":\" \",\"version\":\"1\",\"host\":{\"name\":\"h\",\"os\":\"linux\",\"fingerprint\":\"f\"}}"), 400, "name must be");
        assertError(api.authorized("POST", "/v2/p1/agents",
                "{\"name\":\"" + "n".repeat(256) + "\",\"version\":\"1\",\"host\":{\"name\":\"h\",\"os\":\"l\",\"fingerprint\":\"f\"}}"),
                400, "at most 255");
    }

    @Test
    void register_replayedByIdempotencyKey_keepsNoPassword() {
        List<IdempotentAnswer> kept = new ArrayList<>();
        api.registerAgent = command -> new AgentRegistration(registered, new Secret("one-time-pw"));
        api.finishRequest = command -> kept.add(command.answer().orElseThrow());

        HttpResponse<String> first = api.authorized("POST", "/v2/p1/agents", REGISTRATION, "Idempotency-Key", "reg-1");

        assertThat(first.body()).contains("one-time-pw");
        assertThat(kept).singleElement().satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.location()).contains("/v2/p1/agents/" + agent);
            assertThat(answer.body()).contains(agent.toString()).doesNotContain("one-time-pw").doesNotContain("password");
        });

        api.claimKey = command -> new IdempotencyClaim.Replay(kept.get(0));
        api.registerAgent = command -> {
            throw new AssertionError("a replay must not register again");
        };
        HttpResponse<String> replay = api.authorized("POST", "/v2/p1/agents", REGISTRATION, "Idempotency-Key", "reg-1");

        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Location")).contains("/v2/p1/agents/" + agent);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(replay.body()).isEqualTo(kept.get(0).body());
    }

    @Test
    void failedRequestWithIdempotencyKey_releasesTheKey() {
        List<Optional<IdempotentAnswer>> finished = new ArrayList<>();
        api.finishRequest = command -> finished.add(command.answer());
        api.activateAgents = command -> {
            throw new AccessDeniedException("no");
        };

        api.authorized("POST", "/v2/p1/events", "{\"event\":\"agent_activate\",\"mode\":\"active\"}", "Idempotency-Key", "k");

        assertThat(finished).containsExactly(Optional.empty());
    }

    @Test
    void malformedIdempotencyKey_is400() {
        assertError(api.authorized("POST", "/v2/p1/events", "{\"event\":\"agent_activate\",\"mode\":\"active\"}",
                "Idempotency-Key", "x".repeat(300)), 400, "Idempotency-Key");
    }

    @Test
    void token_needsNoUserTokenAndAnswersIdAndExpiry() {
        List<AuthenticateAgentCommand> commands = new ArrayList<>();
        api.authenticateAgent = command -> {
            commands.add(command);
            return new AgentToken(new Secret("agent-token-1"), AT);
        };

        HttpResponse<String> response = api.send("POST", "/v2/p1/agents/tokens",
                "{\"agent_id\":\"" + agent + "\",\"password\":\"pw\",\"host\":{\"fingerprint\":\"fp-1\"}}",
                "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"token\":{\"id\":\"agent-token-1\",\"expires\":\"2026-03-04T05:06:07.000008Z\"}}");
        assertThat(commands.get(0).agent()).isEqualTo(agent);
        assertThat(commands.get(0).password().value()).isEqualTo("pw");
        assertThat(commands.get(0).hostFingerprint()).isEqualTo("fp-1");
    }

    @Test
    void token_withMalformedAgentId_is400() {
        assertError(api.send("POST", "/v2/p1/agents/tokens", "{\"agent_id\":\"x\",\"password\":\"pw\",\"host\":{\"fingerprint\":\"f\"}}",
                "Content-Type", "application/json"), 400, "agent id");
    }

    @Test
    void listAndGetAgents_showNoFingerprint() {
        api.listAgents = query -> List.of(registered);
        api.getAgent = query -> registered;

        HttpResponse<String> list = api.authorized("GET", "/v2/p1/agents", null);
        HttpResponse<String> one = api.authorized("GET", "/v2/p1/agents/" + agent + "/", null);

        assertThat(api.codec.readTree(list.body()).get("agents").get(0).get("id").asText()).isEqualTo(agent.toString());
        assertThat(api.codec.readTree(one.body()).get("host").get("os").asText()).isEqualTo("linux");
        assertThat(list.body() + one.body()).doesNotContain("fp-1");
    }

    @Test
    void delete_is204() {
        List<DeleteAgentCommand> commands = new ArrayList<>();
        api.deleteAgent = commands::add;

        HttpResponse<String> response = api.authorized("DELETE", "/v2/p1/agents/" + agent, null);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(commands.get(0).agent()).isEqualTo(agent);
    }

    @Test
    void agentEvents_fromTheAgent_areRecorded() {
        List<RecordAgentEventCommand> commands = new ArrayList<>();
        api.recordAgentEvent = commands::add;
        api.caller = new AgentCaller(TestApi.PROJECT, agent);
        String path = "/v2/p1/agents/" + agent + "/events";

        assertThat(api.authorized("POST", path, "{\"event\":\"startup\"}").statusCode()).isEqualTo(202);
        assertThat(api.authorized("POST", path, "{\"event\":\"heartbeat\",\"busy\":true}").statusCode()).isEqualTo(202);
        assertThat(api.authorized("POST", path, "{\"event\":\"heartbeat\"}").statusCode()).isEqualTo(202);
        assertThat(api.authorized("POST", path, "{\"event\":\"shutdown\"}").statusCode()).isEqualTo(202);

        assertThat(commands).extracting(RecordAgentEventCommand::signal)
                .containsExactly(AgentSignal.STARTUP, AgentSignal.HEARTBEAT, AgentSignal.HEARTBEAT, AgentSignal.SHUTDOWN);
        assertThat(commands).extracting(RecordAgentEventCommand::busy).containsExactly(false, true, false, false);
    }

    @Test
    void agentEvents_badEventOrBusy_are400() {
        String path = "/v2/p1/agents/" + agent + "/events";

        assertError(api.authorized("POST", path, "{\"event\":\"reboot\"}"), 400, "event must be one of");
        assertError(api.authorized("POST", path, "{\"event\":\"heartbeat\",\"busy\":\"yes\"}"), 400, "busy must be true or false");
    }

    @Test
    void agentIdHeader_mustMatchTheAgentToken() {
        api.caller = new AgentCaller(TestApi.PROJECT, agent);

        assertError(api.authorized("POST", "/v2/p1/agents/" + agent + "/events", "{\"event\":\"startup\"}",
                "X-Agent-Id", TestSessions.newAgent().toString()), 400, "X-Agent-Id");
    }

    @Test
    void activationOfOneAgent_is202() {
        List<ActivateAgentCommand> commands = new ArrayList<>();
        api.activateAgent = commands::add;

        HttpResponse<String> response = api.authorized("POST", "/v2/p1/agents/" + agent + "/events",
                "{\"event\":\"agent_activate\",\"mode\":\"real_time\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(commands.get(0).mode()).isEqualTo(Mode.REAL_TIME);
    }

    @Test
    void status_hasEveryFieldOfTheSpec() {
        api.agentStatus = query -> new AgentStatus(true, false, Mode.ACTIVE, Optional.of(AT), Optional.of(AT), true);

        HttpResponse<String> response = api.authorized("GET", "/v2/p1/agents/" + agent + "/status", null);

        assertThat(response.body()).isEqualTo("{\"online\":true,\"busy\":false,\"mode\":\"active\","
                + "\"mode_expires_at\":\"2026-03-04T05:06:07.000008Z\",\"last_heartbeat_at\":\"2026-03-04T05:06:07.000008Z\","
                + "\"reliable\":true}");
    }

    @Test
    void status_inIdleNeverSeen_hasNulls() {
        api.agentStatus = query -> new AgentStatus(false, false, Mode.IDLE, Optional.empty(), Optional.empty(), false);

        JsonNode body = api.codec.readTree(api.authorized("GET", "/v2/p1/agents/" + agent + "/status", null).body());

        assertThat(body.get("mode_expires_at").isNull()).isTrue();
        assertThat(body.get("last_heartbeat_at").isNull()).isTrue();
        assertThat(body.get("reliable").asBoolean()).isFalse();
    }

    @Test
    void configuration_hasTheShapeTheSdkReads() {
        api.agentConfiguration = query -> Schedules.defaults();

        JsonNode rse = api.codec.readTree(api.authorized("GET", "/v2/p1/agents/" + agent + "/configuration", null).body())
                .get("system_preferences").get("events").get("rse");

        assertThat(rse.get("polling").get("interval_ms").get("idle").asLong()).isEqualTo(10_000);
        assertThat(rse.get("polling").get("interval_ms").get("active").asLong()).isEqualTo(1_000);
        assertThat(rse.get("polling").get("interval_ms").get("real_time").asLong()).isEqualTo(300);
        assertThat(rse.get("polling").get("timeout_ms").get("real_time").asLong()).isEqualTo(40_000);
        assertThat(rse.get("heartbeat").get("interval_ms").get("idle").asLong()).isEqualTo(3_600_000);
        assertThat(rse.get("heartbeat").get("interval_ms").get("real_time").asLong()).isEqualTo(1_000);
        assertThat(rse.get("heartbeat").get("timeout_ms").get("idle").asLong()).isZero();
        assertThat(rse.get("heartbeat").get("timeout_ms").get("active").asLong()).isEqualTo(75_000);
        assertThat(rse.get("heartbeat").get("timeout_ms").get("real_time").asLong()).isEqualTo(75_000);
    }
}
