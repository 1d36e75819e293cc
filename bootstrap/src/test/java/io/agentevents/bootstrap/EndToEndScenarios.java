package io.agentevents.bootstrap;

import static io.agentevents.bootstrap.HttpClientForTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.ServerSettings;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.MutableClock;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The whole service through its real HTTP server; only the clock is the test's. Each store runs
 * the same scenarios.
 */
abstract class EndToEndScenarios {

    private static final String ADMIN = "e2e-admin-token-0001";
    private static final String CREATOR = "e2e-creator-token-0002";
    private static final String OBSERVER = "e2e-observer-token-0003";
    private static final String OTHER_ADMIN = "e2e-other-admin-token-0004";
    private static final String ACTIVATE = "{\"event\":\"agent_activate\",\"mode\":\"%s\"}";
    private static final String REGISTRATION = DocumentedBodies.registration("web-1", "fp-web-1");
    private static final String LISTING = "{\"succeeded\":true,\"path\":\"/home\",\"items\":[{\"name\":\"notes.txt\","
            + "\"bytes\":12,\"mime_type\":\"text/plain\"}]}";

    /** Each test its own project, so tests sharing a database never see each other's events. */
    private final String project = TestSessions.newProject().value();
    private final String v2 = "/v2/" + project;
    private final MutableClock clock = new MutableClock(TestSessions.T0);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger access = (Logger) LoggerFactory.getLogger("io.agentevents.access");
    private Level rootLevel;
    private AgentEventsApp app;
    private HttpClientForTests http;

    /** The store to run on: the in-memory default, or PostgreSQL in a schema of the test's own. */
    protected abstract AppConfig onStore(AppConfig config);

    /** Meters only this store publishes (PostgreSQL: the connection pool's). */
    protected List<String> storeMeters() {
        return List.of();
    }

    /** Whether this store's node answers agents' repeated empty polls from memory (one that may block does). */
    protected abstract boolean remembersAnswers();

    @BeforeEach
    void start() {
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        logged.start();
        root.addAppender(logged);
        access.addAppender(logged);
        ProjectId projectId = new ProjectId(project);
        AppConfig config = AppConfig.inMemory(0, List.of(
                new UserToken(new Secret(ADMIN), projectId, Role.ADMIN),
                new UserToken(new Secret(CREATOR), projectId, Role.CREATOR),
                new UserToken(new Secret(OBSERVER), projectId, Role.OBSERVER),
                new UserToken(new Secret(OTHER_ADMIN), new ProjectId("globex"), Role.ADMIN)))
                // Eight clients share one token here; the request budget has tests of its own.
                .withServer(ServerSettings.defaults().withRateLimit(0));
        app = AgentEventsApp.start(onStore(config), clock);
        http = new HttpClientForTests(app.port());
    }

    @AfterEach
    void stop() {
        app.close();
        root.detachAppender(logged);
        access.detachAppender(logged);
        root.setLevel(rootLevel);
    }

    @Test
    void operatorEndpoints_showLivenessReadinessAndTheMeters() {
        assertThat(http.get("/healthz", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/readyz", null).statusCode()).isEqualTo(200);
        assertThat(http.post(v2 + "/events", ADMIN, ACTIVATE.formatted("active")).statusCode()).isEqualTo(202);

        String metrics = http.get("/metrics", null).body();

        assertThat(metrics).contains("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads", "process_uptime_seconds",
                "system_cpu_count", "agent_events_agents_online", "agent_events_event_log_size", "agent_events_agent_requests_kept",
                "agent_events_long_polls_waiting", "agent_events_store_errors_total",
                "agent_events_activations_total{mode=\"active\",scope=\"project\"} 1",
                "http_server_requests_seconds_count{method=\"POST\",route=\"/v2/:project/events\",status=\"202\"} 1");
        storeMeters().forEach(meter -> assertThat(metrics).contains(meter));
        assertThat(metrics).doesNotContain(ADMIN);
    }

    private long answeredFromMemory(String what) {
        String metrics = http.get("/metrics", null).body();
        Matcher counted = Pattern.compile("agent_events_answered_from_memory_total\\{what=\"" + what + "\"} ([0-9.]+)")
                .matcher(metrics);
        assertThat(counted.find()).as("the answered-from-memory counter of %s is published", what).isTrue();
        return (long) Double.parseDouble(counted.group(1));
    }

    @Test
    void anAgentsRepeatedEmptyPolls_areAnsweredFromMemory_whereTheStoreMayBlock_andSeeTheNextActivationAtOnce()
            throws InterruptedException {
        var agent = HttpClientForTests.registerAndSignIn(http, http, project, ADMIN, "web-2");
        String feed = v2 + "/agents/" + agent.id() + "/events";
        String poll = feed + "?marker=" + http.markerAfterAll(feed, agent.token());
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        int polls = 0;
        do { // the node answers from memory once its LISTEN is in place
            assertThat(json(http.get(poll, agent.token())).get("events")).isEmpty();
            polls++;
            Thread.sleep(10);
        } while (remembersAnswers() && answeredFromMemory("poll") < 3 && System.nanoTime() < deadline);

        if (remembersAnswers()) {
            assertThat(answeredFromMemory("poll")).isGreaterThanOrEqualTo(3);
            assertThat(answeredFromMemory("token")).isGreaterThanOrEqualTo(3);
        } else {
            assertThat(polls).isEqualTo(1);
            assertThat(answeredFromMemory("poll")).isZero();
            assertThat(answeredFromMemory("token")).isZero();
        }
        assertThat(http.post(v2 + "/events", ADMIN, ACTIVATE.formatted("real_time")).statusCode()).isEqualTo(202);
        var afterActivation = http.get(poll, agent.token());
        assertThat(json(afterActivation).get("events").get(0).get("event").asText()).isEqualTo("agent_activate");
        assertThat(afterActivation.headers().firstValue("X-Agent-Mode")).contains("real_time");
    }

    @Test
    void wrongPasswords_areAnsweredLaterAndLater_whileTheRightOneAlwaysSignsIn() throws Exception {
        JsonNode attacked = json(http.post(v2 + "/agents", ADMIN, REGISTRATION));
        JsonNode other = json(http.post(v2 + "/agents", ADMIN, DocumentedBodies.registration("web-2", "fp-web-2")));
        String agent = attacked.get("id").asText();
        String wrong = DocumentedBodies.signIn(project, agent, "guess", "fp-web-1");
        String right = DocumentedBodies.signIn(project, agent, attacked.get("password").asText(), "fp-web-1");
        for (int i = 0; i < 3; i++) {
            assertThat(http.post(v2 + "/agents/tokens", null, wrong).statusCode()).isEqualTo(401);
        }

        long started = System.nanoTime();
        HttpResponse<String> late = http.post(v2 + "/agents/tokens", null, wrong);
        assertThat(late.statusCode()).isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the fourth is answered late")
                .isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(late.headers().firstValue("Retry-After")).as("nothing to wait for: the right password works now")
                .isEmpty();
        assertThat(json(late).get("message").asText()).isEqualTo("wrong agent id or password");

        assertThat(http.post(v2 + "/agents/tokens", null, right).statusCode()).as("the right password, at once")
                .isEqualTo(200);
        assertThat(http.post(v2 + "/agents/tokens", null, DocumentedBodies.signIn(project, other.get("id").asText(),
                other.get("password").asText(), "fp-web-2")).statusCode()).as("another agent").isEqualTo(200);
        started = System.nanoTime();
        assertThat(http.post(v2 + "/agents/tokens", null, wrong).statusCode()).isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a success cleared the agent's count")
                .isLessThan(Duration.ofMillis(250));
        String metrics = http.get("/metrics", null).body();
        assertThat(metrics).contains("agent_events_sign_in_failures_total{answered=\"late\"} 1.0")
                .contains("agent_events_sign_in_failures_total{answered=\"at_once\"} 4.0")
                .contains("agent_events_sign_in_bursts_total 1.0");
        assertThat(logged.list).filteredOn(line -> line.getLoggerName().equals("io.agentevents.security"))
                .as("one line for the burst, not one per try").singleElement()
                .satisfies(line -> assertThat(line.getFormattedMessage()).contains(agent).doesNotContain("guess"));
    }

    @Test
    void wholeLifecycle_ofAnAgent_asClientsAndTheAgentSeeIt() {
        assertThat(http.post(v2 + "/events", ADMIN, ACTIVATE.formatted("active")).statusCode()).isEqualTo(202);

        HttpResponse<String> registered = http.post(v2 + "/agents", CREATOR, REGISTRATION);
        assertThat(registered.statusCode()).isEqualTo(201);
        String agent = json(registered).get("id").asText();
        String password = json(registered).get("password").asText();
        assertThat(registered.headers().firstValue("Location"))
                .contains("http://localhost:" + app.port() + v2 + "/agents/" + agent);

        HttpResponse<String> tokenResponse = http.post(v2 + "/agents/tokens", null,
                DocumentedBodies.signIn(project, agent, password, "fp-web-1"));
        assertThat(tokenResponse.statusCode()).isEqualTo(200);
        String agentToken = json(tokenResponse).get("token").get("id").asText();
        assertThat(http.post(v2 + "/agents/tokens", null, DocumentedBodies.signIn(project, agent, password, "elsewhere"))
                .statusCode()).isEqualTo(409);
        assertThat(http.post(v2 + "/agents/tokens", null, DocumentedBodies.signIn(project, agent, "wrong", "fp-web-1"))
                .statusCode()).isEqualTo(401);

        String agentPath = v2 + "/agents/" + agent;
        HttpResponse<String> poll = http.get(agentPath + "/events", agentToken, "X-Agent-Id", agent);
        assertThat(poll.statusCode()).isEqualTo(200);
        assertThat(poll.headers().firstValue("X-Agent-Mode")).contains("active");
        assertThat(poll.headers().firstValue("X-Poll-Interval-Ms")).contains("1000");
        List<String> feed = new ArrayList<>();
        json(poll).get("events").forEach(event -> feed.add(event.get("event").asText()));
        assertThat(feed).containsExactly("agent_activate", "agent_registered");

        assertThat(http.post(agentPath + "/events", agentToken, "{\"event\":\"heartbeat\",\"busy\":true}").statusCode()).isEqualTo(202);
        JsonNode status = http.getUntil(agentPath + "/status", OBSERVER, body -> body.get("busy").asBoolean());
        assertThat(status.get("online").asBoolean()).isTrue();
        assertThat(status.get("busy").asBoolean()).isTrue();
        assertThat(status.get("mode").asText()).isEqualTo("active");
        assertThat(status.get("reliable").asBoolean()).isTrue();
        assertThat(status.get("mode_expires_at").asText()).isEqualTo("2026-01-01T12:01:15.000000Z");

        clock.advanceBy(Duration.ofSeconds(75));
        status = json(http.get(agentPath + "/status", OBSERVER));
        assertThat(status.get("mode").asText()).isEqualTo("idle");
        assertThat(status.get("reliable").asBoolean()).isFalse();
        assertThat(status.get("mode_expires_at").isNull()).isTrue();

        assertThat(http.post(agentPath + "/events", ADMIN, ACTIVATE.formatted("real_time")).statusCode()).isEqualTo(202);
        HttpResponse<String> realTimePoll = http.get(agentPath + "/events?marker=3", agentToken);
        assertThat(realTimePoll.headers().firstValue("X-Agent-Mode")).contains("real_time");
        assertThat(realTimePoll.headers().firstValue("X-Poll-Interval-Ms")).contains("300");

        assertThat(http.post(agentPath + "/events", agentToken, "{\"event\":\"shutdown\"}").statusCode()).isEqualTo(202);
        assertThat(json(http.get(agentPath + "/status", ADMIN)).get("online").asBoolean()).isFalse();

        JsonNode configuration = json(http.get(agentPath + "/configuration", agentToken));
        assertThat(configuration.at("/system_preferences/events/rse/heartbeat/timeout_ms/active").asLong()).isEqualTo(75_000);

        assertThat(json(http.get(v2 + "/agents", OBSERVER)).get("agents")).hasSize(1);
        assertThat(http.send("DELETE", agentPath, CREATOR, null).statusCode()).isEqualTo(403);
        assertThat(http.send("DELETE", agentPath, ADMIN, null).statusCode()).isEqualTo(204);
        assertThat(http.get(agentPath, ADMIN).statusCode()).isEqualTo(404);
        assertThat(http.get(agentPath + "/events", agentToken).statusCode()).isEqualTo(401);
        JsonNode newest = json(http.get(v2 + "/events?limit=1", OBSERVER)).get("events").get(0);
        assertThat(newest.get("event").asText()).isEqualTo("agent_deleted");

        assertSecretsNeverLogged(password, agentToken);
    }

    @Test
    void theFleetView_listsEveryAgentsLiveStatus_filtersOnIt_andPages() {
        var seen = HttpClientForTests.registerAndSignIn(http, http, project, ADMIN, "fleet-1");
        clock.advanceBy(java.time.Duration.ofMillis(1));
        var silent = HttpClientForTests.registerAndSignIn(http, http, project, ADMIN, "fleet-2");
        clock.advanceBy(java.time.Duration.ofMillis(1));
        var woken = HttpClientForTests.registerAndSignIn(http, http, project, ADMIN, "fleet-3");
        assertThat(http.post(v2 + "/agents/" + woken.id() + "/events", ADMIN, ACTIVATE.formatted("real_time"))
                .statusCode()).isEqualTo(202);
        assertThat(http.get(v2 + "/agents/" + seen.id() + "/events", seen.token()).statusCode()).isEqualTo(200);
        assertThat(http.get(v2 + "/agents/" + woken.id() + "/events", woken.token()).statusCode()).isEqualTo(200);

        JsonNode all = json(http.get(v2 + "/agents?include=status", OBSERVER));
        JsonNode online = json(http.get(v2 + "/agents?include=status&online=true", OBSERVER));
        JsonNode realTime = json(http.get(v2 + "/agents?mode=real_time", OBSERVER));
        JsonNode firstPage = json(http.get(v2 + "/agents?include=status&limit=2", OBSERVER));
        String next = firstPage.get("links").get(0).get("href").asText();
        JsonNode secondPage = json(http.get(next.substring(next.indexOf("/v2/")), OBSERVER));

        assertThat(all.get("agents")).extracting(agent -> agent.get("name").asText())
                .containsExactly("fleet-1", "fleet-2", "fleet-3");
        assertThat(all.get("agents")).extracting(agent -> agent.get("status").get("online").asBoolean())
                .as("read at once on the node that took the check-ins").containsExactly(true, false, true);
        assertThat(all.get("agents").get(2).get("status").get("mode").asText()).isEqualTo("real_time");
        assertThat(online.get("agents")).extracting(agent -> agent.get("id").asText())
                .containsExactly(seen.id(), woken.id());
        assertThat(realTime.get("agents")).extracting(agent -> agent.get("id").asText()).containsExactly(woken.id());
        assertThat(realTime.get("agents").get(0).has("status")).isFalse();
        assertThat(firstPage.get("agents")).extracting(agent -> agent.get("id").asText())
                .containsExactly(seen.id(), silent.id());
        assertThat(next).contains("include=status", "marker=" + silent.id(), "limit=2");
        assertThat(secondPage.get("agents")).extracting(agent -> agent.get("id").asText()).containsExactly(woken.id());
        assertThat(secondPage.get("links")).isEmpty();
        assertThat(http.get(v2 + "/agents?marker=" + java.util.UUID.randomUUID(), OBSERVER).statusCode()).isEqualTo(400);
    }

    @Test
    void roles_andProjects_areEnforced() {
        String agent = json(http.post(v2 + "/agents", ADMIN, REGISTRATION)).get("id").asText();

        assertThat(http.post(v2 + "/events", OBSERVER, ACTIVATE.formatted("active")).statusCode()).isEqualTo(403);
        assertThat(http.get(v2 + "/events", OBSERVER).statusCode()).isEqualTo(200);
        assertThat(http.post(v2 + "/events", OTHER_ADMIN, ACTIVATE.formatted("active")).statusCode()).isEqualTo(403);
        assertThat(http.get(v2 + "/agents/" + agent + "/status", OTHER_ADMIN).statusCode()).isEqualTo(403);
        assertThat(http.post(v2 + "/agents/" + agent + "/events", ADMIN, "{\"event\":\"heartbeat\"}").statusCode()).isEqualTo(403);
        assertThat(http.get("/v2/nowhere-" + project + "/events", ADMIN).statusCode()).isEqualTo(403);
        assertThat(http.post("/v2/nowhere-" + project + "/agents/tokens", null,
                DocumentedBodies.signIn("nowhere-" + project, agent, "x", "f")).statusCode()).isEqualTo(404);
        assertThat(http.get(v2 + "/agents/" + TestSessions.newAgent() + "/status", ADMIN).statusCode()).isEqualTo(404);
    }

    @Test
    void idempotencyKey_preventsASecondActivationEvent() {
        HttpResponse<String> first = http.post(v2 + "/events", ADMIN, ACTIVATE.formatted("active"), "Idempotency-Key", "wake-1");
        HttpResponse<String> again = http.post(v2 + "/events", ADMIN, ACTIVATE.formatted("active"), "Idempotency-Key", "wake-1");
        HttpResponse<String> other = http.post(v2 + "/events", ADMIN, ACTIVATE.formatted("idle"), "Idempotency-Key", "wake-1");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(json(http.get(v2 + "/events", ADMIN)).get("events")).hasSize(1);
    }

    private String pathOf(HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return accepted.headers().firstValue("Location").orElseThrow().substring(("http://localhost:" + app.port()).length());
    }

    private List<String> typesIn(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.get("events").forEach(event -> types.add(event.get("event").asText()));
        return types;
    }

    @Test
    void aClientAsksTheAgent_itsLongPollHearsAtOnce_andTheClientsWaitGetsTheAnswer() throws Exception {
        var agent = HttpClientForTests.registerAndSignIn(http, http, project, ADMIN, "web-9");
        String agentPath = v2 + "/agents/" + agent.id();
        String feed = agentPath + "/events";
        assertThat(http.post(agentPath + "/events", ADMIN, ACTIVATE.formatted("real_time")).statusCode()).isEqualTo(202);
        String marker = http.markerAfterAll(feed, agent.token());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<HttpResponse<String>> agentPoll = pool.submit(() -> http.get(feed + "?wait=20&marker=" + marker,
                    agent.token()));
            http.awaitGauge("agent_events_long_polls_waiting", waiting -> waiting >= 1);
            HttpResponse<String> asked = http.post(agentPath + "/browse-requests", CREATOR, "{\"path\":\"/home\"}",
                    "Idempotency-Key", "browse-home-1");
            String answer = pathOf(asked);
            HttpResponse<String> again = http.post(agentPath + "/browse-requests", CREATOR, "{\"path\":\"/home\"}",
                    "Idempotency-Key", "browse-home-1");
            assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(again.headers().firstValue("Location")).isEqualTo(asked.headers().firstValue("Location"));

            JsonNode heard = json(agentPoll.get(20, java.util.concurrent.TimeUnit.SECONDS)).get("events").get(0);
            assertThat(heard.get("event").asText()).as("the agent's long-poll, woken by the request").isEqualTo("host_browse");
            assertThat(heard.get("path").asText()).isEqualTo("/home");
            assertThat(answer).endsWith("/" + heard.get("request_id").asText());
            assertThat(http.get(answer, OBSERVER).statusCode()).as("no answer yet").isEqualTo(404);

            Future<HttpResponse<String>> clientWait = pool.submit(() -> http.get(answer + "?wait=20", OBSERVER));
            http.awaitGauge("agent_events_long_polls_waiting", waiting -> waiting >= 1);
            assertThat(http.post(answer, agent.token(), LISTING, "Idempotency-Key", "answer-1").statusCode()).isEqualTo(204);
            HttpResponse<String> replayed = http.post(answer, agent.token(), LISTING, "Idempotency-Key", "answer-1");
            assertThat(replayed.statusCode()).isEqualTo(204);
            assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(http.post(answer, agent.token(), LISTING).statusCode()).as("a second answer").isEqualTo(409);

            JsonNode result = json(clientWait.get(20, java.util.concurrent.TimeUnit.SECONDS));
            assertThat(result.get("event").asText()).isEqualTo("host_browsed");
            assertThat(result.get("items").get(0).get("name").asText()).isEqualTo("notes.txt");
            assertThat(typesIn(json(http.get(feed + "?marker=" + marker, OBSERVER)))).as("one request, one answer")
                    .filteredOn(type -> !type.equals("agent_heartbeat")).containsExactly("host_browse", "host_browsed");

            clock.advanceBy(Duration.ofMinutes(5));
            assertThat(json(http.get(answer, OBSERVER)).get("message").asText()).contains("no longer kept");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void vaultPasswords_reachTheAgent_butNeverTheLog() {
        var agent = HttpClientForTests.registerAndSignIn(http, http, project, ADMIN, "vault-1");
        String agentPath = v2 + "/agents/" + agent.id();
        String enablePassword = "c0ffee".repeat(40);
        String verifyPassword = "deadbeef".repeat(30);

        String enable = pathOf(http.post(agentPath + "/vault-encryption-requests", ADMIN,
                "{\"old_encrypted_password_hex\":null,\"new_encrypted_password_hex\":\"" + enablePassword + "\"}"));
        assertThat(http.post(enable, agent.token(), "{\"action\":\"enabled\",\"succeeded\":true}").statusCode())
                .isEqualTo(204);
        String verify = pathOf(http.post(agentPath + "/vault-password-verification-requests", ADMIN,
                "{\"encrypted_password_hex\":\"" + verifyPassword + "\",\"agent_id\":null}"));
        assertThat(http.post(verify, agent.token(), "{\"verified\":false}").statusCode()).isEqualTo(204);

        JsonNode agentsFeed = json(http.get(agentPath + "/events", agent.token()));
        assertThat(agentsFeed.toString()).as("the agent reads them in its feed").contains(enablePassword, verifyPassword);
        assertThat(json(http.get(verify, OBSERVER)).get("valid").asBoolean()).isFalse();
        assertThat(json(http.get(agentPath, OBSERVER)).get("vault").get("encrypted").asBoolean()).isTrue();
        assertSecretsNeverLogged(agent.token(), enablePassword, verifyPassword);
    }

    @Test
    void aLogfile_movesForward_asTheAgentReports_eachStepInItsFeed() {
        var agent = HttpClientForTests.registerAndSignIn(http, http, project, ADMIN, "logs-1");
        String agentPath = v2 + "/agents/" + agent.id();
        HttpResponse<String> requested = http.post(agentPath + "/logfiles", CREATOR, null);
        String logfile = pathOf(requested);
        String started = "[{\"op\":\"replace\",\"path\":\"/state\",\"value\":\"started\"}]";

        assertThat(http.send("PATCH", logfile, agent.token(), started, "Content-Type", "application/json-patch+json")
                .statusCode()).isEqualTo(204);
        assertThat(http.send("PATCH", logfile, agent.token(), started, "Content-Type", "application/json-patch+json")
                .statusCode()).as("not forward").isEqualTo(409);
        assertThat(http.send("PATCH", logfile, agent.token(), started.replace("started", "completed"), "Content-Type",
                "application/json-patch+json").statusCode()).isEqualTo(204);

        assertThat(json(http.get(logfile, OBSERVER)).get("state").asText()).isEqualTo("completed");
        assertThat(typesIn(json(http.get(agentPath + "/events", OBSERVER)))).containsSubsequence("logfile_upload",
                "logfile_started", "logfile_completed");
        assertThat(http.send("DELETE", logfile, CREATOR, null).statusCode()).isEqualTo(403);
        assertThat(http.send("DELETE", logfile, ADMIN, null).statusCode()).isEqualTo(204);
        assertThat(json(http.get(agentPath + "/logfiles", OBSERVER)).get("logfiles")).isEmpty();
    }

    /** The marker guarantee over HTTP: 8 writers post while a reader follows with the largest id it saw. */
    @Test
    void readerFollowingMarkers_seesEveryEventOnce_whileEightClientsPost() throws Exception {
        int writers = 8;
        int postsEach = 50;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            AtomicBoolean writing = new AtomicBoolean(true);
            Future<List<Long>> reader = pool.submit(() -> {
                List<Long> seen = new ArrayList<>();
                String marker = "";
                while (true) {
                    boolean done = !writing.get();
                    JsonNode page = json(http.get(v2 + "/events?sort_dir=asc&limit=7" + marker, OBSERVER));
                    page.get("events").forEach(event -> seen.add(event.get("id").asLong()));
                    if (!seen.isEmpty()) {
                        marker = "&marker=" + seen.get(seen.size() - 1);
                    }
                    if (done && page.get("events").isEmpty()) {
                        return seen;
                    }
                }
            });
            List<Future<?>> posts = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                posts.add(pool.submit(() -> {
                    for (int i = 0; i < postsEach; i++) {
                        assertThat(http.post(v2 + "/events", ADMIN, ACTIVATE.formatted("active")).statusCode()).isEqualTo(202);
                    }
                    return null;
                }));
            }
            for (Future<?> post : posts) {
                post.get();
            }
            writing.set(false);

            List<Long> seen = reader.get();
            assertThat(seen).hasSize(writers * postsEach).doesNotHaveDuplicates().isSorted();
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertSecretsNeverLogged(String... secrets) {
        List<String> lines = new ArrayList<>();
        List<ILoggingEvent> events;
        synchronized (logged) { // AppenderBase appends under this lock, from the event loop too
            events = new ArrayList<>(logged.list);
        }
        for (ILoggingEvent event : events) {
            lines.add(event.getFormattedMessage());
            if (event.getKeyValuePairs() != null) {
                lines.add(event.getKeyValuePairs().toString());
            }
            if (event.getThrowableProxy() != null) {
                lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(lines).as("log lines").isNotEmpty();
        assertThat(lines).as("an access line per request, with route and status")
                .anyMatch(line -> line.matches(".*route=\"?/v2/:project/agents/:agent/events.*")
                        && line.matches(".*status=\"?200.*"));
        List<String> all = new ArrayList<>(List.of(secrets));
        all.addAll(List.of(ADMIN, CREATOR, OBSERVER, OTHER_ADMIN));
        for (String secret : all) {
            assertThat(String.join("\n", lines)).doesNotContain(secret);
        }
    }
}
