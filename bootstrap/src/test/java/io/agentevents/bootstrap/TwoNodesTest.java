package io.agentevents.bootstrap;

import static io.agentevents.bootstrap.HttpClientForTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.adapter.http.StreamLines;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * Two nodes on one database: whatever one node acknowledged, it serves at once, and the other
 * serves too once PostgreSQL's notification of it arrives (milliseconds), even where it would
 * answer an agent's poll from memory.
 */
class TwoNodesTest {

    private static final String TOKEN = "two-nodes-admin-token-0001";
    private static String schema;

    private final String project = TestSessions.newProject().value();
    private AgentEventsApp nodeA;
    private AgentEventsApp nodeB;
    private HttpClientForTests a;
    private HttpClientForTests b;

    @BeforeAll
    static void createSchema() {
        schema = TestDatabase.newSchema(TwoNodesTest.class);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    @BeforeEach
    void start() {
        AppConfig config = AppConfig.inMemory(0, List.of(new UserToken(new Secret(TOKEN), new ProjectId(project), Role.ADMIN))).withDatabase(TestDatabase.settings(schema));
        nodeA = AgentEventsApp.start(config, Clock.systemUTC());
        nodeB = AgentEventsApp.start(config, Clock.systemUTC());
        a = new HttpClientForTests(nodeA.port());
        b = new HttpClientForTests(nodeB.port());
    }

    @AfterEach
    void stop() {
        nodeA.close();
        nodeB.close();
    }

    /** An agent registered through one node and signed in through the other: its id and token. */
    private String[] registerOn(HttpClientForTests registrar, HttpClientForTests signIn, String name) {
        var agent = HttpClientForTests.registerAndSignIn(registrar, signIn, project, TOKEN, name);
        return new String[] {agent.id(), agent.token()};
    }

    @Test
    void aStreamOnB_seesWhatIsPostedToA_andResumesOnA_withNothingMissedOrRepeated() throws Exception {
        String activate = "{\"event\":\"agent_activate\",\"mode\":\"active\"}";
        assertThat(a.post("/v2/" + project + "/events", TOKEN, activate).statusCode()).isEqualTo(202);
        var onB = StreamLines.open(nodeB.port(), project, TOKEN);
        for (int i = 0; i < 3; i++) {
            assertThat(a.post("/v2/" + project + "/events", TOKEN, activate).statusCode()).isEqualTo(202);
        }
        List<String> seenOnB = onB.nextIds(3);
        for (int i = 0; i < 2; i++) { // while the reader moves to the other node
            assertThat(b.post("/v2/" + project + "/events", TOKEN, activate).statusCode()).isEqualTo(202);
        }
        var onA = StreamLines.open(nodeA.port(), project, TOKEN, "Last-Event-ID", seenOnB.get(2));
        assertThat(b.post("/v2/" + project + "/events", TOKEN, activate).statusCode()).isEqualTo(202);
        List<String> seenOnA = onA.nextIds(3);

        List<String> log = new java.util.ArrayList<>();
        HttpClientForTests.json(a.get("/v2/" + project + "/events?sort_dir=asc", TOKEN)).get("events")
                .forEach(event -> log.add(event.get("id").asText()));
        List<String> both = new java.util.ArrayList<>(seenOnB);
        both.addAll(seenOnA);
        assertThat(both).containsExactlyElementsOf(log.subList(1, log.size()));
    }

    @Test
    void agentRegisteredOnA_authenticatesOnB_andSeesAnActivationPostedToA_onB() {
        String[] registered = registerOn(a, b, "db-1");
        String agent = registered[0];
        String agentToken = registered[1];

        assertThat(a.post("/v2/" + project + "/events", TOKEN, "{\"event\":\"agent_activate\",\"mode\":\"real_time\"}")
                .statusCode()).isEqualTo(202);

        HttpResponse<String> poll = b.get("/v2/" + project + "/agents/" + agent + "/events", agentToken);
        assertThat(poll.headers().firstValue("X-Agent-Mode")).contains("real_time");
        List<String> feed = new ArrayList<>();
        json(poll).get("events").forEach(event -> feed.add(event.get("event").asText()));
        assertThat(feed).containsExactly("agent_registered", "agent_activate");
        assertThat(json(b.get("/v2/" + project + "/agents/" + agent + "/status", TOKEN)).get("mode").asText())
                .isEqualTo("real_time");
        assertThat(a.getUntil("/v2/" + project + "/agents/" + agent + "/status", TOKEN, body -> body.get("online").asBoolean())
                .get("online").asBoolean()).as("node B's check-in, seen on node A after B's flush").isTrue();
    }

    @Test
    void heartbeatTakenByA_isReadOnAAtOnce_andOnBAfterAsFlush() {
        String[] registered = registerOn(a, a, "db-own-writes");
        String status = "/v2/" + project + "/agents/" + registered[0] + "/status";
        assertThat(json(a.get(status, TOKEN)).get("online").asBoolean()).as("never seen yet").isFalse();

        assertThat(a.post("/v2/" + project + "/agents/" + registered[0] + "/events", registered[1],
                "{\"event\":\"heartbeat\",\"busy\":true}").statusCode()).isEqualTo(202);

        var onA = json(a.get(status, TOKEN));
        assertThat(onA.get("online").asBoolean()).as("the node that took the heartbeat reads it at once").isTrue();
        assertThat(onA.get("busy").asBoolean()).isTrue();
        var onB = b.getUntil(status, TOKEN, body -> body.get("online").asBoolean());
        assertThat(onB.get("busy").asBoolean()).as("node B, once A has flushed").isTrue();
        assertThat(onB.get("last_heartbeat_at")).isEqualTo(onA.get("last_heartbeat_at"));
    }

    @Test
    void agentLongPollingNodeB_receivesAnActivationPostedOnNodeA() throws Exception {
        String[] registered = registerOn(a, a, "db-3");
        String agent = registered[0];
        String agentToken = registered[1];
        String feed = "/v2/" + project + "/agents/" + agent + "/events";
        String marker = json(b.get(feed, agentToken)).get("links").get(0).get("href").asText().replaceAll(".*marker=(\\d+).*", "$1");

        ExecutorService poller = Executors.newSingleThreadExecutor();
        try {
            Future<HttpResponse<String>> longPoll = poller.submit(() -> b.get(feed + "?wait=20&marker=" + marker, agentToken));
            b.awaitGauge("agent_events_long_polls_waiting", waiting -> waiting >= 1); // seated on node B
            long posted = System.nanoTime();
            assertThat(a.post("/v2/" + project + "/events", TOKEN, "{\"event\":\"agent_activate\",\"mode\":\"real_time\"}")
                    .statusCode()).isEqualTo(202);
            HttpResponse<String> answer = longPoll.get(20, TimeUnit.SECONDS);
            Duration delay = Duration.ofNanos(System.nanoTime() - posted);
            System.out.printf("activation posted on node A reached the agent long-polling node B in %.1f ms%n",
                    delay.toNanos() / 1e6);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(json(answer).get("events").get(0).get("event").asText()).isEqualTo("agent_activate");
            assertThat(delay).as("answered by the activation, not by the 20 s deadline").isLessThan(Duration.ofSeconds(5));
        } finally {
            poller.shutdownNow();
        }
    }

    @Test
    void heartbeatsThroughBothNodes_storeOneHeartbeatEventPerInterval() throws InterruptedException {
        String[] registered = registerOn(a, a, "db-2");
        String agent = registered[0];
        String agentToken = registered[1];

        // Idle: one stored heartbeat an hour, however many nodes the heartbeats arrive through.
        for (int i = 0; i < 10; i++) {
            HttpClientForTests node = i % 2 == 0 ? a : b;
            assertThat(node.post("/v2/" + project + "/agents/" + agent + "/events", agentToken, "{\"event\":\"heartbeat\"}")
                    .statusCode()).isEqualTo(202);
        }

        // Both nodes flush what they took (every 200 ms); the agent's row lock and the domain's interval rule do the rest.
        for (HttpClientForTests node : List.of(a, b)) {
            node.awaitPresenceFlushed();
        }
        long stored = 0;
        for (var event : json(a.get("/v2/" + project + "/events?limit=100", TOKEN)).get("events")) {
            stored += event.get("event").asText().equals("agent_heartbeat") ? 1 : 0;
        }
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void pollsAnsweredFromMemory_seeAnActivationAtOnceOnTheNodeThatTookIt_andOnTheOtherWithinTheNotificationDelay()
            throws InterruptedException {
        String[] registered = registerOn(a, a, "db-4");
        String agent = registered[0];
        String agentToken = registered[1];
        String feed = "/v2/" + project + "/agents/" + agent + "/events";
        String poll = feed + "?marker=" + a.markerAfterAll(feed, agentToken);
        for (int i = 0; i < 3; i++) { // both nodes now remember the empty page (and the token)
            assertThat(json(a.get(poll, agentToken)).get("events")).isEmpty();
            assertThat(json(b.get(poll, agentToken)).get("events")).isEmpty();
        }

        long posted = System.nanoTime();
        assertThat(a.post("/v2/" + project + "/events", TOKEN, "{\"event\":\"agent_activate\",\"mode\":\"real_time\"}")
                .statusCode()).isEqualTo(202);

        HttpResponse<String> onA = a.get(poll, agentToken);
        assertThat(json(onA).get("events").get(0).get("event").asText()).as("node A, at once").isEqualTo("agent_activate");
        assertThat(onA.headers().firstValue("X-Agent-Mode")).contains("real_time");
        // Node B hears of it by PostgreSQL's notification: a poll waiting there wakes with it, and
        // the node's remembered empty page is forgotten by the same notification.
        HttpResponse<String> woken = b.get(poll + "&wait=10", agentToken);
        System.out.printf("node B answered the activation posted on node A after %.1f ms%n", (System.nanoTime() - posted) / 1e6);
        assertThat(json(woken).get("events").get(0).get("event").asText()).as("node B, woken").isEqualTo("agent_activate");
        HttpResponse<String> onB = b.get(poll, agentToken);
        assertThat(json(onB).get("events").get(0).get("event").asText()).as("node B, after").isEqualTo("agent_activate");
        assertThat(onB.headers().firstValue("X-Agent-Mode")).contains("real_time");

        // A deleted agent's token stops working on both nodes, though both knew it: node B's waiting
        // poll hears of the deletion, and the token is refused there from then on.
        String afterActivation = feed + "?marker=" + a.markerAfterAll(feed, agentToken);
        CompletableFuture<HttpResponse<String>> waitingOnB =
                CompletableFuture.supplyAsync(() -> b.get(afterActivation + "&wait=10", agentToken));
        b.awaitGauge("agent_events_long_polls_waiting", waiting -> waiting == 1);
        assertThat(a.send("DELETE", "/v2/" + project + "/agents/" + agent, TOKEN, null).statusCode()).isEqualTo(204);
        assertThat(a.get(poll, agentToken).statusCode()).as("node A, at once").isEqualTo(401);
        HttpResponse<String> wokenByDeletion = waitingOnB.join();
        assertThat(json(wokenByDeletion).get("events").get(0).get("event").asText())
                .as("node B's waiting poll, woken by the deletion").isEqualTo("agent_deleted");
        assertThat(b.get(poll, agentToken).statusCode()).as("node B, after").isEqualTo(401);
    }
}
