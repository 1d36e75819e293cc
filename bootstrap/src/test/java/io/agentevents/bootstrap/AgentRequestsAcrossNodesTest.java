package io.agentevents.bootstrap;

import static io.agentevents.bootstrap.HttpClientForTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.adapter.postgres.TestDatabase;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.Role;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client on node A asks an agent that long-polls node B; the agent hears of it on B and
 * answers on B; the client's wait on A returns the answer. Two nodes on one PostgreSQL database,
 * each woken by the other's notifications, no thread held while anyone waits.
 */
class AgentRequestsAcrossNodesTest {

    private static final String TOKEN = "across-nodes-admin-token-0001";
    private static final String REAL_TIME = "{\"event\":\"agent_activate\",\"mode\":\"real_time\"}";
    private static String schema;

    private final String project = TestSessions.newProject().value();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private AgentEventsApp nodeA;
    private AgentEventsApp nodeB;
    private HttpClientForTests a;
    private HttpClientForTests b;

    @BeforeAll
    static void createSchema() {
        schema = TestDatabase.newSchema(AgentRequestsAcrossNodesTest.class);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    @BeforeEach
    void start() {
        AppConfig config = AppConfig.inMemory(0, List.of(new UserToken(new Secret(TOKEN), new ProjectId(project), Role.ADMIN)))
                .withDatabase(TestDatabase.settings(schema));
        nodeA = AgentEventsApp.start(config, Clock.systemUTC());
        nodeB = AgentEventsApp.start(config, Clock.systemUTC());
        a = new HttpClientForTests(nodeA.port());
        b = new HttpClientForTests(nodeB.port());
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        nodeA.close();
        nodeB.close();
    }

    /** The path a 202 points to, on either node (both serve the same data). */
    private static String pathOf(HttpResponse<String> accepted, int port) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return accepted.headers().firstValue("Location").orElseThrow().substring(("http://localhost:" + port).length());
    }

    /** The agent's long-poll on node B, seated before anything is asked of it. */
    private Future<HttpResponse<String>> longPollOnB(String feed, HttpClientForTests.SignedInAgent agent) {
        String marker = b.markerAfterAll(feed, agent.token());
        Future<HttpResponse<String>> poll = pool.submit(() -> b.get(feed + "?wait=20&marker=" + marker, agent.token()));
        b.awaitGauge("agent_events_long_polls_waiting", waiting -> waiting >= 1);
        return poll;
    }

    /** The client's wait for the answer on node A, seated before the agent answers. */
    private Future<HttpResponse<String>> waitOnA(String answer) {
        Future<HttpResponse<String>> wait = pool.submit(() -> a.get(answer + "?wait=20", TOKEN));
        a.awaitGauge("agent_events_long_polls_waiting", waiting -> waiting >= 1);
        return wait;
    }

    @Test
    void aBrowseAskedOnA_isHeardOnB_answeredOnB_andTheWaitOnAReturnsTheItems() throws Exception {
        var agent = HttpClientForTests.registerAndSignIn(a, b, project, TOKEN, "files-1");
        String agentPath = "/v2/" + project + "/agents/" + agent.id();
        assertThat(a.post(agentPath + "/events", TOKEN, REAL_TIME).statusCode()).isEqualTo(202);
        Future<HttpResponse<String>> agentPoll = longPollOnB(agentPath + "/events", agent);

        long asked = System.nanoTime();
        String answer = pathOf(a.post(agentPath + "/browse-requests", TOKEN, "{\"path\":\"/var/log\"}"), nodeA.port());
        JsonNode heard = json(agentPoll.get(20, TimeUnit.SECONDS)).get("events").get(0);
        assertThat(heard.get("event").asText()).isEqualTo("host_browse");
        assertThat(heard.get("path").asText()).isEqualTo("/var/log");
        Future<HttpResponse<String>> clientWait = waitOnA(answer);
        assertThat(b.post(answer, agent.token(), "{\"succeeded\":true,\"path\":\"/var/log\",\"items\":[{\"name\":\"syslog\","
                + "\"bytes\":4096,\"mime_type\":\"text/plain\"},{\"name\":\"auth.log\",\"bytes\":512,\"mime_type\":\"text/plain\"}]}")
                .statusCode()).isEqualTo(204);
        HttpResponse<String> result = clientWait.get(20, TimeUnit.SECONDS);
        Duration roundTrip = Duration.ofNanos(System.nanoTime() - asked);
        System.out.printf("browse asked on node A, heard and answered on node B, read on node A: %.1f ms%n",
                roundTrip.toNanos() / 1e6);

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(json(result).get("items")).extracting(item -> item.get("name").asText()).containsExactly("syslog", "auth.log");
        assertThat(roundTrip).as("woken by the answer, not by the 20 s deadline").isLessThan(Duration.ofSeconds(10));
        assertThat(json(b.get(answer, TOKEN)).get("items")).hasSize(2);
        assertThat(a.post(answer, agent.token(), "{\"succeeded\":true,\"path\":\"/\",\"items\":[]}").statusCode())
                .as("a second answer, on the other node").isEqualTo(409);
    }

    @Test
    void aVaultVerificationAskedOnA_isAnsweredOnB_andReadOnA() throws Exception {
        var agent = HttpClientForTests.registerAndSignIn(a, b, project, TOKEN, "vault-1");
        String agentPath = "/v2/" + project + "/agents/" + agent.id();
        String enable = pathOf(a.post(agentPath + "/vault-encryption-requests", TOKEN,
                "{\"old_encrypted_password_hex\":null,\"new_encrypted_password_hex\":\"0a0b0c0d\"}"), nodeA.port());
        assertThat(b.post(enable, agent.token(), "{\"action\":\"enabled\",\"succeeded\":true}").statusCode()).isEqualTo(204);
        assertThat(json(a.get(agentPath, TOKEN)).get("vault").get("encrypted").asBoolean()).as("seen on A").isTrue();

        assertThat(a.post(agentPath + "/events", TOKEN, REAL_TIME).statusCode()).isEqualTo(202);
        Future<HttpResponse<String>> agentPoll = longPollOnB(agentPath + "/events", agent);
        String verify = pathOf(a.post(agentPath + "/vault-password-verification-requests", TOKEN,
                "{\"encrypted_password_hex\":\"0a0b0c0d\",\"agent_id\":null}"), nodeA.port());
        JsonNode heard = json(agentPoll.get(20, TimeUnit.SECONDS)).get("events").get(0);
        assertThat(heard.get("event").asText()).isEqualTo("vault_password_verify");
        assertThat(heard.get("encrypted_password_hex").asText()).isEqualTo("0a0b0c0d");
        Future<HttpResponse<String>> clientWait = waitOnA(verify);
        assertThat(b.post(verify, agent.token(), "{\"verified\":true}").statusCode()).isEqualTo(204);

        JsonNode result = json(clientWait.get(20, TimeUnit.SECONDS));
        assertThat(result.get("event").asText()).isEqualTo("vault_password_verified");
        assertThat(result.get("valid").asBoolean()).isTrue();
    }

    @Test
    void aLogfileRequestedOnA_isUploadedStepByStepThroughB() {
        var agent = HttpClientForTests.registerAndSignIn(a, b, project, TOKEN, "logs-1");
        String agentPath = "/v2/" + project + "/agents/" + agent.id();
        String logfile = pathOf(a.post(agentPath + "/logfiles", TOKEN, null), nodeA.port());
        String step = "[{\"op\":\"replace\",\"path\":\"/state\",\"value\":\"%s\"}]";

        assertThat(b.send("PATCH", logfile, agent.token(), step.formatted("started"), "Content-Type",
                "application/json-patch+json").statusCode()).isEqualTo(204);
        assertThat(a.send("PATCH", logfile, agent.token(), step.formatted("started"), "Content-Type",
                "application/json-patch+json").statusCode()).as("not forward, on the other node").isEqualTo(409);
        assertThat(b.send("PATCH", logfile, agent.token(), step.formatted("completed"), "Content-Type",
                "application/json-patch+json").statusCode()).isEqualTo(204);
        assertThat(json(a.get(logfile, TOKEN)).get("state").asText()).isEqualTo("completed");
    }
}
