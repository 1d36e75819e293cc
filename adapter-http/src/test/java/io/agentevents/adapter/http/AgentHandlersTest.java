package io.agentevents.adapter.http;

import static io.agentevents.adapter.http.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.activation.ActivateAgentCommand;
import io.agentevents.application.port.in.agent.AgentConfiguration;
import io.agentevents.application.port.in.agent.DeleteAgentCommand;
import io.agentevents.application.port.in.agent.AgentList;
import io.agentevents.application.port.in.agent.ListAgentsQuery;
import io.agentevents.application.port.in.feed.AgentSignal;
import io.agentevents.application.port.in.feed.RecordAgentEventCommand;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.TestAgents;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.agent.AgentSettings;
import io.agentevents.domain.agent.Flavor;
import io.agentevents.domain.agent.LogLevel;
import io.agentevents.domain.agent.RegisteredAgent;
import io.agentevents.domain.agent.RsaPublicKey;
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
    private static final AgentStatus SEEN = new AgentStatus(true, false, Mode.IDLE, Optional.empty(),
            Optional.of(Instant.parse("2014-10-09T12:26:14.233501Z")), false);
    private static final String REGISTRATION = ReferenceExamples.text("register-an-agent.request");

    private final TestApi api = new TestApi();
    private final AgentId agent = TestSessions.newAgent();
    private final RegisteredAgent registered = new RegisteredAgent(TestApi.PROJECT, agent, "Web Server", "1.23.008344",
            TestAgents.host("web"), Optional.of(TestAgents.KEY), AgentSettings.initial(Flavor.NOVA, Optional.empty()), AT);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void failedRequestWithIdempotencyKey_releasesTheKey() {
        List<String> attempts = new ArrayList<>();
        api.activateAgents = command -> {
            attempts.add("first");
            throw new AccessDeniedException("no");
        };
        String activation = "{\"event\":\"agent_activate\",\"mode\":\"active\"}";
        assertThat(api.authorized("POST", "/v2/p1/events", activation, "Idempotency-Key", "k").statusCode()).isEqualTo(403);

        api.activateAgents = command -> attempts.add("retry");
        HttpResponse<String> retry = api.authorized("POST", "/v2/p1/events", activation, "Idempotency-Key", "k");

        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).as("carried out afresh").isEmpty();
        assertThat(attempts).containsExactly("first", "retry");
    }

    @Test
    void malformedIdempotencyKey_is400() {
        assertError(api.authorized("POST", "/v2/p1/events", "{\"event\":\"agent_activate\",\"mode\":\"active\"}",
                "Idempotency-Key", "x".repeat(300)), 400, "Idempotency-Key");
    }

    @Test
    void listAndGetAgents_haveTheReferenceShape_andNoFingerprint() {
        List<ListAgentsQuery> queries = new ArrayList<>();
        api.listAgents = query -> {
            queries.add(query);
            return new AgentList(List.of(new AgentList.Listed(registered, SEEN)), Optional.empty());
        };
        api.getAgent = query -> registered;

        HttpResponse<String> list = api.authorized("GET", "/v2/p1/agents", null);
        HttpResponse<String> one = api.authorized("GET", "/v2/p1/agents/" + agent + "/", null);
        HttpResponse<String> onHost = api.authorized("GET", "/v2/p1/agents?host_machine_id=machine-web", null);

        JsonNode listed = api.codec.readTree(list.body()).get("agents").get(0);
        JsonNode details = api.codec.readTree(one.body());
        assertThat(listed).isEqualTo(details);
        assertThat(details.get("host").get("machine").get("id").asText()).isEqualTo("machine-web");
        assertThat(details.get("host").get("os").get("architecture").asText()).isEqualTo("64-bit");
        assertThat(details.get("host").get("addresses").get(0).get("version").isInt()).isTrue();
        assertThat(details.get("rsa_public_key").get("exponent").isIntegralNumber()).isTrue();
        assertThat(details.get("vault").get("use_internal").asBoolean()).isTrue();
        assertThat(details.get("log_level").asText()).isEqualTo("info");
        assertThat(details.get("enabled").asBoolean()).isTrue();
        assertThat(list.body() + one.body()).doesNotContain("fp-web");
        assertThat(onHost.statusCode()).isEqualTo(200);
        assertThat(queries).extracting(ListAgentsQuery::hostMachineId).containsExactly(Optional.empty(), Optional.of("machine-web"));
        assertThat(api.codec.readTree(list.body()).has("links")).as("an unpaged list is the reference's").isFalse();
        assertThat(listed.has("status")).isFalse();
    }

    @Test
    void fleetView_givesEachAgentsStatus_filters_andPagesWithANextLink() {
        List<ListAgentsQuery> queries = new ArrayList<>();
        AgentId last = AgentId.parse("00000000-0000-4000-8000-000000000002");
        api.listAgents = query -> {
            queries.add(query);
            return new AgentList(List.of(new AgentList.Listed(registered, SEEN)),
                    query.limit().isPresent() ? Optional.of(last) : Optional.empty());
        };

        HttpResponse<String> page = api.authorized("GET",
                "/v2/p1/agents?include=status&online=true&mode=real_time&host_machine_id=machine%20web&limit=1", null);

        JsonNode body = api.codec.readTree(page.body());
        JsonNode status = body.get("agents").get(0).get("status");
        assertThat(status.get("online").asBoolean()).isTrue();
        assertThat(status.get("busy").asBoolean()).isFalse();
        assertThat(status.get("mode").asText()).isEqualTo("idle");
        assertThat(status.get("mode_expires_at").isNull()).isTrue();
        assertThat(status.get("last_heartbeat_at").asText()).isEqualTo("2014-10-09T12:26:14.233501Z");
        assertThat(status.get("reliable").asBoolean()).isFalse();
        assertThat(body.get("links").get(0).get("rel").asText()).isEqualTo("next");
        assertThat(body.get("links").get(0).get("href").asText()).isEqualTo("http://localhost/v2/p1/agents?include=status"
                + "&host_machine_id=machine+web&online=true&mode=real_time&marker=" + last + "&limit=1");
        ListAgentsQuery asked = queries.get(0);
        assertThat(asked.online()).contains(true);
        assertThat(asked.mode()).contains(Mode.REAL_TIME);
        assertThat(asked.hostMachineId()).contains("machine web");
        assertThat(asked.limit()).hasValue(1);

        HttpResponse<String> next = api.authorized("GET", "/v2/p1/agents?marker=" + last + "&online=false", null);
        assertThat(queries.get(1).marker()).contains(last);
        assertThat(queries.get(1).online()).contains(false);
        assertThat(api.codec.readTree(next.body()).get("links")).as("the last page: no next").isEmpty();
    }

    @Test
    void fleetView_withBadQueryValues_is400_namingEachOfThem() {
        HttpResponse<String> answer = api.authorized("GET",
                "/v2/p1/agents?include=everything&online=yes&mode=busy&marker=x&limit=0", null);

        assertError(answer, 400, "include must be status");
        assertThat(answer.body()).contains("online must be true or false", "mode must be one of",
                "marker must be an agent id", "limit must be a whole number from 1 to 1000");
        assertError(api.authorized("GET", "/v2/p1/agents?limit=1001", null), 400, "limit");
        assertError(api.authorized("GET", "/v2/p1/agents?online=true&online=false", null), 400, "at most once");
    }

    @Test
    void listAgents_withAnEmptyOrRepeatedHostMachineId_is400() {
        assertError(api.authorized("GET", "/v2/p1/agents?host_machine_id=", null), 400, "host_machine_id must not be empty");
        assertError(api.authorized("GET", "/v2/p1/agents?host_machine_id=a&host_machine_id=b", null), 400, "at most once");
    }

    @Test
    void agent_withAnExponentThatIsNotAPlainDecimal_showsItAsAString() {
        RegisteredAgent hexExponent = new RegisteredAgent(TestApi.PROJECT, agent, "n", "1", TestAgents.host("x"),
                Optional.of(new RsaPublicKey("E1", "010001")), registered.settings(), AT);
        api.getAgent = query -> hexExponent;

        JsonNode details = api.codec.readTree(api.authorized("GET", "/v2/p1/agents/" + agent, null).body());

        assertThat(details.get("rsa_public_key").get("exponent").asText()).isEqualTo("010001");
        assertThat(details.get("rsa_public_key").get("exponent").isTextual()).isTrue();
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
        api.agentConfiguration = query -> new AgentConfiguration(registered.withSettings(
                new AgentSettings(true, LogLevel.WARN, false)), Schedules.defaults());

        JsonNode body = api.codec.readTree(api.authorized("GET", "/v2/p1/agents/" + agent + "/configuration", null).body());
        JsonNode rse = body.get("system_preferences").get("events").get("rse");

        assertThat(body.get("system_preferences").get("logging").get("level").asText()).isEqualTo("warn");
        assertThat(rse.get("host").asText()).isEqualTo("http://localhost");
        assertThat(rse.get("channel").asText()).isEqualTo("/v2/p1/agents/" + agent + "/events");
        assertThat(body.get("vaults").isArray()).isTrue();
        assertThat(body.get("configurations").isArray()).isTrue();
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
