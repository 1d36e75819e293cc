package io.agentevents.bootstrap;

import static io.agentevents.bootstrap.HttpClientForTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentevents.adapter.http.StreamLines;
import io.agentevents.adapter.postgres.TestDatabase;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.service.presence.PresenceEvents;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Presence events on two nodes of one database, both sweeping: each flip of an agent is in the
 * feed once, in order, whichever node took its check-ins and whichever noticed its silence.
 */
class PresenceEventsAcrossNodesTest {

    private static final String TOKEN = "presence-nodes-admin-token-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String project = TestSessions.newProject().value();
    private String schema;
    private AgentEventsApp nodeA;
    private AgentEventsApp nodeB;
    private HttpClientForTests a;
    private HttpClientForTests b;

    @BeforeEach
    void start() {
        schema = TestDatabase.newSchema(PresenceEventsAcrossNodesTest.class);
        AppConfig config = AppConfig.inMemory(0, List.of(new UserToken(new Secret(TOKEN), new ProjectId(project), Role.ADMIN)))
                .withDatabase(TestDatabase.settings(schema))
                .withPresenceEvents(PresenceEvents.on(Duration.ofSeconds(1)));
        nodeA = AgentEventsApp.start(config, Clock.systemUTC());
        nodeB = AgentEventsApp.start(config, Clock.systemUTC());
        a = new HttpClientForTests(nodeA.port());
        b = new HttpClientForTests(nodeB.port());
    }

    @AfterEach
    void stop() {
        nodeA.close();
        nodeB.close();
        TestDatabase.dropSchema(schema);
    }

    /** Reads the stream until a presence event, skipping the rest (heartbeats); its type. */
    private static String nextPresenceEvent(StreamLines stream, String agent) throws Exception {
        while (true) {
            for (String line : stream.nextMessage()) {
                if (line.startsWith("data: ")) {
                    JsonNode event = JSON.readTree(line.substring("data: ".length()));
                    String type = event.get("event").asText();
                    if (type.equals("agent_online") || type.equals("agent_offline")) {
                        assertThat(event.get("agent").get("id").asText()).isEqualTo(agent);
                        return type;
                    }
                }
            }
        }
    }

    @Test
    void anAgentSeenOnA_silent_backOnB_shutDown_andStarted_hasEachFlipOnce_inOrder() throws Exception {
        var agent = HttpClientForTests.registerAndSignIn(a, a, project, TOKEN, "presence-1");
        String feed = "/v2/" + project + "/agents/" + agent.id() + "/events";
        assertThat(a.post(feed, TOKEN, "{\"event\":\"agent_activate\",\"mode\":\"active\"}").statusCode())
                .isEqualTo(202);
        StreamLines onB = StreamLines.open(nodeB.port(), project, TOKEN);

        assertThat(a.get(feed, agent.token()).statusCode()).isEqualTo(200);
        assertThat(nextPresenceEvent(onB, agent.id())).as("A's flush").isEqualTo("agent_online");
        // Silent: offline after its 5 s window and the 1 s hold-down, found by a sweep of either node.
        assertThat(nextPresenceEvent(onB, agent.id())).isEqualTo("agent_offline");
        assertThat(b.get(feed, agent.token()).statusCode()).isEqualTo(200);
        assertThat(nextPresenceEvent(onB, agent.id())).as("B's flush").isEqualTo("agent_online");

        String signals = "/v2/" + project + "/agents/" + agent.id() + "/events";
        assertThat(b.post(signals, agent.token(), "{\"event\":\"shutdown\"}").statusCode()).isEqualTo(202);
        assertThat(nextPresenceEvent(onB, agent.id())).as("a shutdown, at once").isEqualTo("agent_offline");
        assertThat(a.post(signals, agent.token(), "{\"event\":\"startup\"}").statusCode()).isEqualTo(202);
        assertThat(nextPresenceEvent(onB, agent.id())).as("a startup, at once").isEqualTo("agent_online");

        assertThat(loggedPresence()).as("both nodes swept; one announced each flip").containsExactly("agent_online",
                "agent_offline", "agent_online", "agent_offline", "agent_online");
    }

    /** The presence events in the project's log, oldest first. */
    private List<String> loggedPresence() {
        List<String> logged = new ArrayList<>();
        json(a.get("/v2/" + project + "/events?sort_dir=asc&limit=1000", TOKEN)).get("events").forEach(event -> {
            String type = event.get("event").asText();
            if (type.startsWith("agent_o")) {
                logged.add(type);
            }
        });
        return logged;
    }

    @Test
    void aPollTakenOnA_writtenAfterAShutdownOnB_doesNotBringTheAgentBack() {
        var agent = HttpClientForTests.registerAndSignIn(a, a, project, TOKEN, "presence-2");
        String feed = "/v2/" + project + "/agents/" + agent.id() + "/events";
        String status = "/v2/" + project + "/agents/" + agent.id() + "/status";
        for (int attempt = 1; ; attempt++) {
            assertThat(b.get(feed, agent.token()).statusCode()).isEqualTo(200);
            b.awaitPresenceFlushed();
            assertThat(a.get(feed, agent.token()).statusCode()).isEqualTo(200);
            assertThat(b.post(feed, agent.token(), "{\"event\":\"shutdown\"}").statusCode()).isEqualTo(202);
            // The case only happens if A still holds the poll once the shutdown is stored; it flushes every 200 ms.
            boolean pollWrittenAfterTheShutdown = a.awaitGauge("agent_events_presence_buffered", any -> true) >= 1;
            a.awaitPresenceFlushed();
            if (!pollWrittenAfterTheShutdown) {
                assertThat(attempt).as("A wrote the poll before the shutdown every time").isLessThan(20);
                continue;
            }
            assertThat(json(b.get(status, TOKEN)).get("online").asBoolean()).as("on B").isFalse();
            assertThat(json(a.get(status, TOKEN)).get("online").asBoolean()).as("on A").isFalse();
            List<String> logged = loggedPresence();
            assertThat(logged.get(logged.size() - 1)).as("the shutdown's announcement is the last").isEqualTo("agent_offline");
            return;
        }
    }
}
