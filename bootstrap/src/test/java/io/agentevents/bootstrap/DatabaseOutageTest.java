package io.agentevents.bootstrap;

import static io.agentevents.bootstrap.HttpClientForTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentevents.adapter.postgres.settings.PostgresSettings;
import io.agentevents.adapter.postgres.TestDatabase;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.Role;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The database goes away under a running node and comes back: 503 fast, then service again. */
class DatabaseOutageTest {

    private static final String TOKEN = "outage-admin-token-0001";
    private static final String ACTIVATE = "{\"event\":\"agent_activate\",\"mode\":\"active\"}";
    private static String schema;

    private final String project = TestSessions.newProject().value();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private CuttableProxy proxy;
    private AgentEventsApp app;
    private HttpClientForTests http;

    @BeforeAll
    static void createSchema() {
        schema = TestDatabase.newSchema(DatabaseOutageTest.class);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    @BeforeEach
    void start() throws Exception {
        URI database = URI.create(TestDatabase.URL.substring("jdbc:".length()));
        proxy = new CuttableProxy(database.getHost(), database.getPort() < 0 ? 5432 : database.getPort());
        String viaProxy = TestDatabase.URL.replace(database.getHost() + ":" + database.getPort(), "127.0.0.1:" + proxy.port());
        PostgresSettings settings = new PostgresSettings(viaProxy, Optional.empty(), Optional.empty(), Optional.of(schema),
                4, Duration.ofMillis(1_000));
        logged.start();
        root.addAppender(logged);
        app = AgentEventsApp.start(AppConfig.inMemory(0, List.of(new UserToken(new Secret(TOKEN), new ProjectId(project), Role.ADMIN))).withDatabase(settings), Clock.systemUTC());
        http = new HttpClientForTests(app.port());
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        proxy.close();
        root.detachAppender(logged);
    }

    @Test
    void outage_answers503WithinTwoSeconds_andTheSameProcessRecovers() throws Exception {
        assertThat(http.post("/v2/" + project + "/events", TOKEN, ACTIVATE).statusCode()).isEqualTo(202);

        proxy.cut();
        for (String path : List.of("/events", "/events?limit=5", "/agents")) {
            long started = System.nanoTime();
            HttpResponse<String> response = path.equals("/events")
                    ? http.post("/v2/" + project + path, TOKEN, ACTIVATE)
                    : http.get("/v2/" + project + path, TOKEN);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).contains("5");
            assertThat(json(response).get("message").asText()).contains("unreachable");
            assertThat(took).as("time to answer %s during the outage", path).isLessThan(Duration.ofSeconds(2));
        }

        proxy.restore();
        HttpResponse<String> after = awaitRecovery();
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(json(after).get("events")).hasSize(1);
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("lost PostgreSQL"))
                .anySatisfy(line -> assertThat(line).contains("PostgreSQL is reachable again"));
    }

    /** An agent whose next poll this node answers from memory: the poll's path and its token. */
    private String[] agentRememberedByTheNode() {
        var agent = HttpClientForTests.registerAndSignIn(http, http, project, TOKEN, "outage-agent");
        String feed = "/v2/" + project + "/agents/" + agent.id() + "/events";
        String poll = feed + "?marker=" + http.markerAfterAll(feed, agent.token());
        assertThat(http.get(poll, agent.token()).statusCode()).isEqualTo(200);
        return new String[] {poll, agent.token()};
    }

    /**
     * Polls until the node stops answering 200 (it answers 503, or not within a second) or the
     * time is up: how long it went on answering from memory.
     */
    private Duration answeredFromMemoryFor(String poll, String agentToken, Duration atMost) throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < atMost.toNanos()) {
            var answer = http.getWithin(Duration.ofSeconds(1), poll, agentToken);
            if (answer.isEmpty() || answer.get().statusCode() != 200) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(50);
        }
        return atMost;
    }

    @Test
    void pollsAnsweredFromMemory_stopWhenTheDatabaseIsLost_andAnswerAgainWhenItIsBack() throws Exception {
        String[] remembered = agentRememberedByTheNode();

        proxy.cut();
        Duration stillAnswered = answeredFromMemoryFor(remembered[0], remembered[1], Duration.ofSeconds(5));
        assertThat(stillAnswered).as("answers from memory after the database was lost").isLessThan(Duration.ofSeconds(2));
        assertThat(http.get(remembered[0], remembered[1]).statusCode()).isEqualTo(503);

        proxy.restore();
        awaitRecovery();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = http.get(remembered[0], remembered[1]).statusCode();
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = http.get(remembered[0], remembered[1]).statusCode();
        }
        assertThat(status).isEqualTo(200);
    }

    @Test
    void pollsAnsweredFromMemory_stopWithinSeconds_whenTheDatabaseGoesSilent() throws Exception {
        String[] remembered = agentRememberedByTheNode();

        proxy.freeze(); // a partition: nothing arrives, nothing fails
        Duration stillAnswered = answeredFromMemoryFor(remembered[0], remembered[1], Duration.ofSeconds(20));
        proxy.thaw();

        // The listening connection is pinged every 2 s, and a reply overdue by 5 s counts as lost.
        System.out.printf("answered from memory for %d ms after the database went silent%n", stillAnswered.toMillis());
        assertThat(stillAnswered).as("answers from memory after the database went silent").isLessThan(Duration.ofSeconds(10));
        awaitRecovery();
    }

    private HttpResponse<String> awaitRecovery() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> response;
        do {
            response = http.get("/v2/" + project + "/events", TOKEN);
            if (response.statusCode() == 200) {
                return response;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return response;
    }
}
