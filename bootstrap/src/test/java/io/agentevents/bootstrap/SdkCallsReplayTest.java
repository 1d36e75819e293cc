package io.agentevents.bootstrap;

import static io.agentevents.bootstrap.HttpClientForTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentevents.adapter.http.ReferenceExamples;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official Python SDK's v2 calls that reach this service ({@code cloudbackup/client/agents.py}
 * and {@code rse.py}), replayed as the exact requests they send: method, path (with its trailing
 * slash where the SDK writes one), headers and body, serialised as Python's {@code json.dumps}
 * writes them. What the SDK then reads from each answer is asserted the way it reads it.
 */
class SdkCallsReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "sdk-user-token";
    private static final String JSON_UTF8 = "application/json; charset=utf-8";

    private final String project = TestSessions.newProject().value();
    private AgentEventsApp app;
    private HttpClientForTests agentSide;
    private PythonRequests sdk;
    private String agent;
    private String agentToken;

    @BeforeEach
    void start() {
        AppConfig config = AppConfig.inMemory(0, List.of(new UserToken(new Secret(TOKEN), new ProjectId(project), Role.ADMIN)));
        app = AgentEventsApp.start(config, Clock.systemUTC());
        agentSide = new HttpClientForTests(app.port());
        sdk = new PythonRequests(app.port());
        var registered = json(agentSide.post("/v2/" + project + "/agents", TOKEN,
                ReferenceExamples.text("register-an-agent.request")));
        agent = registered.get("id").asText();
        agentToken = json(agentSide.post("/v2/" + project + "/agents/tokens", null, DocumentedBodies.signIn(project, agent,
                registered.get("password").asText(), ReferenceExamples.EXAMPLE_FINGERPRINT))).get("token").get("id").asText();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** The headers of the SDK's {@code Agents} calls, in its order. */
    private Map<String, String> headers(boolean withProjectHeader) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON_UTF8);
        headers.put("X-Auth-Token", TOKEN);
        if (withProjectHeader) {
            headers.put("X-Project-Id", project);
        }
        return headers;
    }

    private static JsonNode body(PythonRequests.Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (java.io.IOException notJson) {
            throw new AssertionError("not JSON: " + answer.body(), notJson);
        }
    }

    /** {@code Agents.WakeAgents}: POST of {"event": "agent_activate", "mode": "active"}; the SDK wants 202. */
    private int wakeAgents() {
        return sdk.send("POST", "/v2/" + project + "/events", headers(true),
                "{\"event\": \"agent_activate\", \"mode\": \"active\"}").status();
    }

    /** {@code Rse.MonitorForHeartBeat} through the API: any agent_heartbeat (or heartbeat) in the agent's feed. */
    private boolean monitorForHeartBeat() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON_UTF8);
        headers.put("X-Auth-Token", TOKEN);
        PythonRequests.Answer answer = sdk.send("GET", "/v2/" + project + "/agents/" + agent + "/events/", headers, null);
        if (answer.status() != 200) {
            return false;
        }
        JsonNode rsemsg = body(answer);
        assertThat(rsemsg.has("events")).as("the SDK takes an answer without 'events' for an RSE v1 message").isTrue();
        return StreamSupport.stream(rsemsg.get("events").spliterator(), false)
                .anyMatch(event -> Set.of("heartbeat", "agent_heartbeat").contains(event.get("event").asText()));
    }

    @Test
    void wakeSpecificAgent_findsTheHeartbeatOfTheAgentItWoke() {
        assertThat(monitorForHeartBeat()).as("no heartbeat before the agent is woken").isFalse();

        assertThat(wakeAgents()).isEqualTo(202);
        // The agent: its poll shows the activation and its mode; it heartbeats on the faster schedule.
        var poll = agentSide.get("/v2/" + project + "/agents/" + agent + "/events", agentToken, "X-Agent-Id", agent);
        assertThat(poll.headers().firstValue("X-Agent-Mode")).contains("active");
        assertThat(agentSide.post("/v2/" + project + "/agents/" + agent + "/events", agentToken,
                "{\"event\":\"heartbeat\"}", "X-Agent-Id", agent).statusCode()).isEqualTo(202);

        // As WakeSpecificAgent does: look for the heartbeat until a timeout (check-ins are written within 200 ms).
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        boolean wokeAgent = false;
        while (!wokeAgent && System.nanoTime() < deadline) {
            wokeAgent = monitorForHeartBeat();
        }
        assertThat(wokeAgent).as("MonitorForHeartBeat found the agent's heartbeat").isTrue();
    }

    @Test
    void getAgentDetails_givesEveryPropertyOfAgentDetails() {
        PythonRequests.Answer answer = sdk.send("GET", "/v2/" + project + "/agents/" + agent, headers(true), null);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode details = body(answer);
        assertThat(details.get("id").asText()).as("agent_id").isEqualTo(agent);
        assertThat(details.get("version").asText()).as("AgentVersion").isEqualTo("1.23.008344");
        assertThat(details.get("host").get("os").get("architecture").asText()).as("Architecture").isEqualTo("64-bit");
        assertThat(details.get("host").get("flavor").asText()).as("Flavor").isEqualTo("nova");
        assertThat(details.get("host").get("region").asText()).as("Datacenter").isEqualTo("DFW");
        JsonNode ipv4 = StreamSupport.stream(details.get("host").get("addresses").spliterator(), false)
                .filter(address -> address.get("version").isInt() && address.get("version").asInt() == 4)
                .findFirst().orElseThrow(() -> new AssertionError("IPAddress: no address with the number 4 as version"));
        assertThat(ipv4.get("addr").asText()).as("IPAddress").isEqualTo("67.23.10.132");
        assertThat(details.get("enabled").isBoolean()).as("IsDisabled / IsEnabled").isTrue();
        assertThat(details.get("enabled").asBoolean()).isTrue();
        assertThat(details.get("vault").get("encrypted").isBoolean()).as("IsEncrypted").isTrue();
        assertThat(details.get("name").asText()).as("MachineName").isEqualTo("Web Server");
        assertThat(details.get("host").get("os").get("name").asText()).as("OperatingSystem").isEqualTo("Ubuntu");
        assertThat(details.get("host").get("os").get("version").asText()).as("OperatingSystemVersion").isEqualTo("14.04");
        assertThat(details.get("rsa_public_key").get("modulus").asText()).as("PublicKey").startsWith("E14F9A88");
        assertThat(details.get("vault").get("use_internal").asBoolean()).as("UseServiceNet").isTrue();
        assertThat(details.get("host").get("machine").get("id").asText()).as("HostServerId")
                .isEqualTo("55f83711-85ff-49d6-9a1a-58c67d452c6a");
    }

    @Test
    void getAgentsFromApi_listsTheAgentIds() {
        PythonRequests.Answer answer = sdk.send("GET", "/v2/" + project + "/agents", headers(true), null);

        assertThat(answer.status()).isEqualTo(200);
        List<String> ids = StreamSupport.stream(body(answer).get("agents").spliterator(), false)
                .map(entry -> entry.get("id").asText()).toList();
        assertThat(ids).containsExactly(agent);
    }

    @Test
    void getAllAgentsForHost_matchesByMachineIdNameAndAddress() {
        json(agentSide.post("/v2/" + project + "/agents", TOKEN, DocumentedBodies.registration("other", "fp-other")));

        PythonRequests.Answer answer = sdk.send("GET", "/v2/" + project + "/agents", headers(false), null);

        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> byId = new java.util.ArrayList<>();
        List<JsonNode> byName = new java.util.ArrayList<>();
        List<JsonNode> byIp = new java.util.ArrayList<>();
        for (JsonNode entry : body(answer).get("agents")) {
            if (entry.get("host").get("machine").get("id").asText().equals("55f83711-85ff-49d6-9a1a-58c67d452c6a")) {
                byId.add(entry);
            }
            if (entry.get("name").asText().equals("Web Server")) {
                byName.add(entry);
            }
            for (JsonNode address : entry.get("host").get("addresses")) {
                if (List.of("::babe:4317:0A83").contains(address.get("addr").asText())) {
                    byIp.add(entry);
                }
            }
        }
        assertThat(byId).extracting(entry -> entry.get("id").asText()).containsExactly(agent);
        assertThat(byName).extracting(entry -> entry.get("id").asText()).containsExactly(agent);
        assertThat(byIp).hasSize(2);
    }

    @Test
    void getAndSetLogLevel_roundTrip_andTheAgentLearnsOfTheChange() {
        String path = "/v2/" + project + "/agents/" + agent;
        assertThat(body(sdk.send("GET", path, headers(true), null)).get("log_level").asText()).isEqualTo("info");

        PythonRequests.Answer set = sdk.send("PATCH", path, headers(true),
                "[{\"op\": \"replace\", \"path\": \"/log_level\", \"value\": \"warn\"}]");

        assertThat(set.status()).as("SetLogLevel wants 204").isEqualTo(204);
        assertThat(body(sdk.send("GET", path, headers(true), null)).get("log_level").asText()).isEqualTo("warn");
        JsonNode feed = json(agentSide.get(path + "/events", agentToken, "X-Agent-Id", agent));
        assertThat(StreamSupport.stream(feed.get("events").spliterator(), false).map(event -> event.get("event").asText()))
                .contains("configuration_changed");
        JsonNode configuration = json(agentSide.get(path + "/configuration", agentToken, "X-Agent-Id", agent));
        assertThat(configuration.at("/system_preferences/logging/level").asText()).isEqualTo("warn");
    }

    @Test
    void getAgentConfiguration_givesEveryPropertyOfAgentConfiguration() {
        PythonRequests.Answer answer = sdk.send("GET", "/v2/" + project + "/agents/" + agent + "/configuration",
                headers(true), null);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode configuration = body(answer);
        assertThat(configuration.get("vaults").isArray()).as("Volumes").isTrue();
        JsonNode preferences = configuration.get("system_preferences");
        assertThat(preferences.isObject()).as("SystemPreferences").isTrue();
        assertThat(preferences.get("logging").get("level").asText()).as("ConfigLogLevel").isEqualTo("info");
        JsonNode disk = preferences.get("environment").get("minimum_disk_space_mb");
        assertThat(List.of(disk.get("backup"), disk.get("restore"), disk.get("cleanup")))
                .as("Minimum{Backup,Restore,Cleanup}DiskSpaceMb").allMatch(JsonNode::isInt);
        assertThat(configuration.get("configurations").isArray()).as("BackupConfigurations").isTrue();
        Set<String> backupIds = new HashSet<>();
        configuration.get("configurations").forEach(config -> backupIds.add(config.get("id").asText()));
        assertThat(backupIds).as("GetBackupIds").isEmpty();
        JsonNode rse = preferences.get("events").get("rse");
        assertThat(rse.get("channel").asText()).as("RseChannel").isEqualTo("/v2/" + project + "/agents/" + agent + "/events");
        assertThat(rse.get("host").asText()).as("RseHost").isEqualTo("http://localhost:" + app.port());
        assertThat(rse.get("polling").get("interval_ms").get("active").asInt()).as("RsePollingConfig").isEqualTo(1_000);
        assertThat(rse.get("heartbeat").get("timeout_ms").get("real_time").asInt() / 1000)
                .as("the wake period WakeSpecificAgent derives from RseHeartbeatConfig").isEqualTo(75);
    }

    @Test
    void removeAgent_deletesIt() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON_UTF8);
        headers.put("X-Auth-Token", TOKEN);

        PythonRequests.Answer removed = sdk.send("DELETE", "/v2/" + project + "/agents/" + agent, headers, null);

        assertThat(removed.status()).as("RemoveAgent wants 204").isEqualTo(204);
        assertThat(sdk.send("GET", "/v2/" + project + "/agents/" + agent, headers(true), null).status()).isEqualTo(404);
    }
}
