package io.agentevents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.ServerSettings;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.Role;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token of one project never reads or changes another project's data, and an agent's token
 * never acts for another agent: every endpoint is walked with the wrong credentials, and the
 * other project is compared before and after.
 */
class CrossProjectAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_A = "cross-admin-a";
    private static final String ADMIN_B = "cross-admin-b";
    private static final String ACTIVATE = "{\"event\":\"agent_activate\",\"mode\":\"real_time\"}";

    private final String a = TestSessions.newProject().value();
    private final String b = TestSessions.newProject().value();
    private AgentEventsApp app;
    private HttpClientForTests http;
    private Agent a1;
    private Agent a2;
    private Agent b1;

    /** An agent, and a browse request and a log file made of it. */
    private record Agent(String id, String name, String password, String token, String browse, String logfile) {
    }

    private static final String DISABLE = "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":false}]";
    private static final String BROWSE = "{\"path\":\"/srv/bravo\"}";
    private static final String BROWSE_ANSWER = "{\"succeeded\":true,\"path\":\"/srv/bravo\",\"items\":[{\"name\":"
            + "\"bravo-secrets.txt\",\"bytes\":1,\"mime_type\":\"text/plain\"}]}";
    private static final String STARTED = "[{\"op\":\"replace\",\"path\":\"/state\",\"value\":\"started\"}]";

    @BeforeEach
    void start() throws Exception {
        AppConfig config = AppConfig.inMemory(0, List.of(
                        new UserToken(new Secret(ADMIN_A), new ProjectId(a), Role.ADMIN),
                        new UserToken(new Secret(ADMIN_B), new ProjectId(b), Role.ADMIN)))
                .withServer(ServerSettings.defaults().withRateLimit(0));
        app = AgentEventsApp.start(config, Clock.systemUTC());
        http = new HttpClientForTests(app.port());
        a1 = register(a, ADMIN_A, "alpha-one");
        a2 = register(a, ADMIN_A, "alpha-two");
        b1 = register(b, ADMIN_B, "bravo-one");
        assertThat(http.post("/v2/" + b + "/agents/" + b1.id() + "/browse-requests/" + b1.browse(), b1.token(),
                BROWSE_ANSWER).statusCode()).isEqualTo(204);
        assertThat(http.post("/v2/" + b + "/events", ADMIN_B, ACTIVATE).statusCode()).isEqualTo(202);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void tokensOfProjectA_getNothingOfProjectB_atAnyEndpoint() throws Exception {
        String before = snapshotOf(b, ADMIN_B, b1);
        List<String> answers = new ArrayList<>();

        for (String token : List.of(ADMIN_A, a1.token())) {
            for (Request request : everyEndpoint(b, b1.id())) {
                HttpResponse<String> response = http.send(request.method(), request.path(), token, request.body());
                answers.add(request + " with a token of " + a + " -> " + response.statusCode());
                assertThat(response.statusCode()).as(request + " with a token of project " + a).isEqualTo(403);
                assertErrorBodyHidesB(response);
            }
        }

        assertThat(snapshotOf(b, ADMIN_B, b1)).as("project " + b + " is unchanged").isEqualTo(before);
        assertThat(answers).hasSize(2 * everyEndpoint(b, b1.id()).size());
    }

    @Test
    void projectAsPath_withAnAgentOfB_findsNoSuchAgent() throws Exception {
        String before = snapshotOf(b, ADMIN_B, b1);

        for (Request request : everyEndpoint(a, b1.id())) {
            if (request.path().contains(b1.id())) {
                HttpResponse<String> response = http.send(request.method(), request.path(), ADMIN_A, request.body());
                boolean agentSignal = request.path().endsWith("/events") && request.body() != null
                        && !request.body().contains("agent_activate");
                boolean agentAnswer = request.path().matches(".*-requests/[0-9a-f-]{36}") && request.method().equals("POST")
                        || request.method().equals("PATCH") && request.path().contains("/logfiles/");
                agentSignal |= agentAnswer;
                // A user may never send an agent's own signals or answers, whatever the agent: refused before it is looked up.
                assertThat(response.statusCode()).as(request.toString()).isEqualTo(agentSignal ? 403 : 404);
                assertThat(response.body()).as("only the id the caller gave is echoed").doesNotContain("bravo-one", b)
                        .doesNotContain("agent_activate");
            }
        }
        HttpResponse<String> token = http.post("/v2/" + a + "/agents/tokens", null, tokenRequest(a, b1));
        assertThat(token.statusCode()).as("b1's password, asked of project " + a + ": no such agent there").isEqualTo(401);

        assertThat(snapshotOf(b, ADMIN_B, b1)).isEqualTo(before);
    }

    @Test
    void anAgentsToken_cannotActForAnotherAgentOfItsProject() throws Exception {
        String before = snapshotOf(a, ADMIN_A, a2);
        String other = "/v2/" + a + "/agents/" + a2.id();

        for (Request request : List.of(
                new Request("POST", other + "/browse-requests", BROWSE),
                new Request("GET", other + "/browse-requests/" + a2.browse(), null),
                new Request("POST", other + "/browse-requests/" + a2.browse(), BROWSE_ANSWER),
                new Request("POST", other + "/vault-password-verification-requests/" + a2.browse(), "{\"verified\":true}"),
                new Request("POST", other + "/logfiles", null),
                new Request("GET", other + "/logfiles", null),
                new Request("GET", other + "/logfiles/" + a2.logfile(), null),
                new Request("PATCH", other + "/logfiles/" + a2.logfile(), STARTED),
                new Request("DELETE", other + "/logfiles/" + a2.logfile(), null),
                new Request("GET", other + "/events", null),
                new Request("POST", other + "/events", "{\"event\":\"heartbeat\"}"),
                new Request("POST", other + "/events", "{\"event\":\"shutdown\"}"),
                new Request("POST", other + "/events", ACTIVATE),
                new Request("GET", other + "/configuration", null),
                new Request("GET", other + "/status", null),
                new Request("GET", other, null),
                new Request("PATCH", other, DISABLE),
                new Request("DELETE", other, null),
                new Request("GET", "/v2/" + a + "/events", null),
                new Request("POST", "/v2/" + a + "/events", ACTIVATE),
                new Request("GET", "/v2/" + a + "/agents", null))) {
            HttpResponse<String> response = http.send(request.method(), request.path(), a1.token(), request.body());
            assertThat(response.statusCode()).as(request + " with a1's token").isEqualTo(403);
        }

        assertThat(snapshotOf(a, ADMIN_A, a2)).isEqualTo(before);
    }

    private record Request(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private List<Request> everyEndpoint(String project, String agent) {
        String p = "/v2/" + project;
        String ag = p + "/agents/" + agent;
        String browse = ag + "/browse-requests/" + b1.browse();
        String logfile = ag + "/logfiles/" + b1.logfile();
        return List.of(
                new Request("POST", ag + "/browse-requests", BROWSE),
                new Request("GET", browse, null),
                new Request("POST", browse, BROWSE_ANSWER),
                new Request("POST", ag + "/vault-password-verification-requests", "{\"encrypted_password_hex\":\"00ff\"}"),
                new Request("GET", ag + "/vault-password-verification-requests/" + b1.browse(), null),
                new Request("POST", ag + "/vault-password-verification-requests/" + b1.browse(), "{\"verified\":true}"),
                new Request("POST", ag + "/vault-encryption-requests", "{\"new_encrypted_password_hex\":\"0c0d\"}"),
                new Request("GET", ag + "/vault-encryption-requests/" + b1.browse(), null),
                new Request("POST", ag + "/vault-encryption-requests/" + b1.browse(),
                        "{\"action\":\"enabled\",\"succeeded\":true}"),
                new Request("POST", ag + "/logfiles", null),
                new Request("GET", ag + "/logfiles", null),
                new Request("GET", logfile, null),
                new Request("PATCH", logfile, STARTED),
                new Request("DELETE", logfile, null),
                new Request("POST", p + "/events", ACTIVATE),
                new Request("GET", p + "/events", null),
                new Request("POST", p + "/agents", DocumentedBodies.registration("intruder", "f")),
                new Request("GET", p + "/agents", null),
                new Request("GET", p + "/agents?host_machine_id=machine-bravo-one", null),
                new Request("GET", ag, null),
                new Request("PATCH", ag, DISABLE),
                new Request("DELETE", ag, null),
                new Request("POST", ag + "/events", ACTIVATE),
                new Request("POST", ag + "/events", "{\"event\":\"heartbeat\",\"busy\":true}"),
                new Request("POST", ag + "/events", "{\"event\":\"shutdown\"}"),
                new Request("GET", ag + "/events", null),
                new Request("GET", ag + "/status", null),
                new Request("GET", ag + "/configuration", null));
    }

    /** Everything a project shows its admin: events, agents, one agent, its status. */
    private String snapshotOf(String project, String admin, Agent agent) throws Exception {
        String p = "/v2/" + project;
        JsonNode status = JSON.readTree(http.get(p + "/agents/" + agent.id() + "/status", admin).body());
        return String.join("\n",
                http.get(p + "/agents/" + agent.id() + "/browse-requests/" + agent.browse(), admin).body(),
                http.get(p + "/agents/" + agent.id() + "/logfiles", admin).body(),
                http.get(p + "/events?limit=1000", admin).body(),
                http.get(p + "/agents", admin).body(),
                http.get(p + "/agents/" + agent.id(), admin).body(),
                status.get("mode").asText() + " busy=" + status.get("busy").asText());
    }

    private void assertErrorBodyHidesB(HttpResponse<String> response) {
        assertThat(response.body()).contains("\"message\"").doesNotContain(b1.id()).doesNotContain("bravo-one")
                .doesNotContain("agent_activate").doesNotContain("bravo-secrets");
    }

    private Agent register(String project, String admin, String name) throws Exception {
        JsonNode registered = JSON.readTree(http.post("/v2/" + project + "/agents", admin,
                DocumentedBodies.registration(name, "fp-" + name)).body());
        String id = registered.get("id").asText();
        String password = registered.get("password").asText();
        Agent unsigned = new Agent(id, name, password, null, null, null);
        JsonNode token = JSON.readTree(http.post("/v2/" + project + "/agents/tokens", null,
                tokenRequest(project, unsigned)).body());
        String agentPath = "/v2/" + project + "/agents/" + id;
        String browse = http.post(agentPath + "/browse-requests", admin, BROWSE).headers().firstValue("Location")
                .orElseThrow().replaceAll(".*/", "");
        String logfile = JSON.readTree(http.post(agentPath + "/logfiles", admin, null).body()).get("id").asText();
        return new Agent(id, name, password, token.get("token").get("id").asText(), browse, logfile);
    }

    private static String tokenRequest(String project, Agent agent) {
        return DocumentedBodies.signIn(project, agent.id(), agent.password(), "fp-" + agent.name());
    }
}
