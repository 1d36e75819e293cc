package io.agentevents.bootstrap;

import static io.agentevents.bootstrap.HttpClientForTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.adapter.postgres.TestDatabase;
import io.agentevents.domain.TestSessions;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling upgrade: a node of the previous release (its jar built from its commit) serves a
 * database; a node of this build starts beside it on the same database and migrates it; clients
 * write and read through both; the old node stops and the new one goes on. No answer is a 5xx,
 * every 202 is readable on both nodes, and no feed's marker ever goes backwards.
 */
class RollingUpgradeTest {

    private static final String TOKEN = "rolling-upgrade-admin-token-01";

    @TempDir
    Path directory;

    private final String project = TestSessions.newProject().value();
    /** The Location of every 202 that has one (a log file asked for). */
    private final List<String> accepted = new ArrayList<>();
    /** Project-wide activations answered 202 (no Location: each is an event of the project's feed). */
    private final AtomicInteger activations = new AtomicInteger();
    /**
     * The last marker each client has seen of each feed. Kept per client (one thread each): two clients
     * reading at once may each see the other's newer writes or not, only one client's reads are ordered.
     */
    private final ThreadLocal<Map<String, Long>> lastMarkers = ThreadLocal.withInitial(HashMap::new);
    private String schema;
    private ServiceProcess oldNode;
    private ServiceProcess newNode;

    @BeforeEach
    void createSchema() {
        schema = TestDatabase.newSchema(RollingUpgradeTest.class);
    }

    @AfterEach
    void stopNodes() {
        if (oldNode != null) {
            oldNode.close();
        }
        if (newNode != null) {
            newNode.close();
        }
        TestDatabase.dropSchema(schema);
    }

    @Test
    void thePreviousReleasesNodeAndThisOne_shareADatabase_untilTheOldOneStops() throws Exception {
        assertThat(PreviousRelease.newestInChangelog()).as("pom.xml's previous release is CHANGELOG.md's newest")
                .isEqualTo(PreviousRelease.version());
        Path tokens = Files.writeString(directory.resolve("tokens"), TOKEN + " " + project + " admin\n");
        String[] options = {"--port", "0", "--database-url", TestDatabase.urlWithSchema(schema),
                "--tokens-file", tokens.toString()};

        oldNode = ServiceProcess.launchJar(PreviousRelease.serviceJar(), Map.of(), options).awaitListening(false);
        HttpClientForTests old = new HttpClientForTests(oldNode.port());
        List<HttpClientForTests.SignedInAgent> agents = new ArrayList<>();
        agents.add(HttpClientForTests.registerAndSignIn(old, old, project, TOKEN, "before"));
        traffic(old, old, agents, 5);
        List<String> migrationsBefore = appliedMigrations();

        newNode = ServiceProcess.launch(Map.of(), options).awaitListening(false);
        HttpClientForTests fresh = new HttpClientForTests(newNode.port());
        assertThat(appliedMigrations()).as("the new node migrated the database the old one serves: only additions")
                .startsWith(migrationsBefore.toArray(String[]::new));
        agents.add(HttpClientForTests.registerAndSignIn(fresh, old, project, TOKEN, "during-new"));
        agents.add(HttpClientForTests.registerAndSignIn(old, fresh, project, TOKEN, "during-old"));

        // Two clients at once, each writing through one node and reading through the other.
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = clients.submit(() -> traffic(old, fresh, agents, 20));
            Future<?> second = clients.submit(() -> traffic(fresh, old, agents, 20));
            first.get(3, TimeUnit.MINUTES);
            second.get(3, TimeUnit.MINUTES);
        } finally {
            clients.shutdownNow();
        }
        everyAcceptedEvent_isReadableOn(old);
        everyAcceptedEvent_isReadableOn(fresh);

        assertThat(oldNode.stop()).as("the old node stops cleanly").isZero();
        oldNode = null;
        traffic(fresh, fresh, agents, 5);
        everyAcceptedEvent_isReadableOn(fresh);
        assertThat(newNode.output()).noneMatch(line -> line.contains(" ERROR "));
    }

    /** Activations written through one node, feeds and statuses read through the other, agents checking in on both. */
    private void traffic(HttpClientForTests writer, HttpClientForTests reader, List<HttpClientForTests.SignedInAgent> agents,
                         int rounds) {
        String[] modes = {"active", "idle", "real_time"};
        for (int i = 0; i < rounds; i++) {
            HttpResponse<String> activation = answered(writer.post("/v2/" + project + "/events", TOKEN,
                    "{\"event\":\"agent_activate\",\"mode\":\"" + modes[i % modes.length] + "\"}"));
            assertThat(activation.statusCode()).as(activation.body()).isEqualTo(202);
            activations.incrementAndGet();
            HttpClientForTests.SignedInAgent asked = agents.get(i % agents.size());
            HttpResponse<String> logfile = answered(writer.post("/v2/" + project + "/agents/" + asked.id() + "/logfiles",
                    TOKEN, null));
            assertThat(logfile.statusCode()).as(logfile.body()).isEqualTo(202);
            String location = logfile.headers().firstValue("Location").orElseThrow();
            synchronized (accepted) {
                accepted.add(location.substring(location.indexOf("/v2/")));
            }
            readFeed(reader, "/v2/" + project + "/events", TOKEN);
            for (HttpClientForTests.SignedInAgent agent : agents) {
                HttpClientForTests node = i % 2 == 0 ? writer : reader;
                String feed = "/v2/" + project + "/agents/" + agent.id() + "/events";
                assertThat(answered(node.post(feed, agent.token(), "{\"event\":\"heartbeat\"}")).statusCode())
                        .isEqualTo(202);
                readFeed(node, feed, agent.token());
                assertThat(answered(reader.get("/v2/" + project + "/agents/" + agent.id() + "/status", TOKEN))
                        .statusCode()).isEqualTo(200);
            }
        }
    }

    /** Reads a feed on from the last marker this client saw of it; the marker it hands back is never below that one. */
    private void readFeed(HttpClientForTests node, String feed, String token) {
        Map<String, Long> seen = lastMarkers.get();
        Long last = seen.get(feed + token);
        HttpResponse<String> page = answered(node.get(last == null ? feed : feed + "?marker=" + last, token));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonNode body = json(page);
        for (JsonNode event : body.get("events")) {
            if (last != null) {
                assertThat(event.get("id").asLong()).as("events after the marker only").isGreaterThan(last);
            }
        }
        long next = Long.parseLong(body.get("links").get(0).get("href").asText().replaceAll(".*marker=(\\d+).*", "$1"));
        if (last != null) {
            assertThat(next).as("the marker of %s never goes backwards", feed).isGreaterThanOrEqualTo(last);
        }
        seen.put(feed + token, next);
    }

    private void everyAcceptedEvent_isReadableOn(HttpClientForTests node) {
        List<String> paths;
        synchronized (accepted) {
            paths = List.copyOf(accepted);
        }
        assertThat(paths).isNotEmpty().allSatisfy(path ->
                assertThat(answered(node.get(path, TOKEN)).statusCode()).as(path).isEqualTo(200));
        int activationEvents = 0;
        String feed = "/v2/" + project + "/events?sort_dir=asc&limit=1000";
        for (String path = feed; ; ) {
            JsonNode page = json(answered(node.get(path, TOKEN)));
            if (page.get("events").isEmpty()) {
                break;
            }
            for (JsonNode event : page.get("events")) {
                activationEvents += event.get("event").asText().equals("agent_activate") ? 1 : 0;
            }
            path = feed + "&marker=" + page.get("links").get(0).get("href").asText().replaceAll(".*marker=(\\d+).*", "$1");
        }
        assertThat(activationEvents).as("every project activation answered 202 is in the feed").isEqualTo(activations.get());
    }

    private static HttpResponse<String> answered(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("no 5xx during the upgrade: %s", response.body()).isLessThan(500);
        return response;
    }

    /** The schema's applied migrations, in order, as Flyway records them. */
    private List<String> appliedMigrations() throws SQLException, IOException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(TestDatabase.urlWithSchema(schema));
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        assertThat(versions).as("Flyway's history in schema %s", schema).isNotEmpty();
        return versions;
    }
}
