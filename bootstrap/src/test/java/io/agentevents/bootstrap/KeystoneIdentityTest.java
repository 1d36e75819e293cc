package io.agentevents.bootstrap;

import static io.agentevents.bootstrap.HttpClientForTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentevents.adapter.keystone.KeystoneSettings;
import io.agentevents.adapter.postgres.TestDatabase;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.IdentitySettings;
import io.agentevents.bootstrap.config.ServerSettings;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * The service in front of a real Keystone: its tokens and roles, by the Cloud Backup names, on
 * every kind of operation; tokens of another project, garbage and revoked tokens; Keystone lost
 * and back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeystoneIdentityTest {

    private static final Duration TOKEN_CACHE_TTL = Duration.ofSeconds(4);
    private static final String ACTIVATE = "{\"event\":\"agent_activate\",\"mode\":\"active\"}";
    private static final String DISABLE = "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":false}]";

    private KeystoneForTests keystone;
    private AgentEventsApp app;
    private HttpClientForTests http;
    private String schema;
    private AgentEventsApp onPostgres;
    private String project;
    private String otherProject;
    /** The Keystone role names each user holds on {@link #project}, by user name. */
    private final Map<String, List<String>> users = Map.of(
            "cb-admin", List.of("cloudBackup:admin"),
            "cb-creator", List.of("cloudBackup:creator"),
            "cb-observer", List.of("cloudBackup:observer"),
            "global-admin", List.of("admin"),
            "global-observer", List.of("observer"),
            "owner", List.of("identity:user-admin"),
            "observer-and-cb-admin", List.of("observer", "cloudBackup:admin"),
            "cb-observer-and-creator", List.of("cloudBackup:observer", "cloudBackup:creator"),
            "member-only", List.of("member"));
    private final Map<String, String> passwords = new HashMap<>();

    @BeforeAll
    void startKeystoneAndTheService() {
        keystone = KeystoneForTests.start(KeystoneIdentityTest.class);
        String serviceProject = keystone.createProject("service");
        String servicePassword = "svc-" + UUID.randomUUID();
        keystone.grant(serviceProject, keystone.createUser("agent-events", servicePassword), "service");

        project = keystone.createProject("acme");
        users.forEach((name, roles) -> {
            String password = "pw-" + UUID.randomUUID();
            passwords.put(name, password);
            String user = keystone.createUser(name, password);
            roles.forEach(role -> keystone.grant(project, user, role));
        });
        otherProject = keystone.createProject("globex");
        String otherPassword = "pw-" + UUID.randomUUID();
        passwords.put("globex-admin", otherPassword);
        keystone.grant(otherProject, keystone.createUser("globex-admin", otherPassword), "cloudBackup:admin");

        KeystoneSettings settings = new KeystoneSettings(URI.create(keystone.url()), "agent-events", "service",
                KeystoneSettings.DEFAULT_DOMAIN, servicePassword, KeystoneSettings.DEFAULT_TIMEOUT,
                KeystoneSettings.DEFAULT_MAX_CONCURRENT_CALLS);
        AppConfig config = AppConfig.inMemory(0, List.of())
                .withIdentity(IdentitySettings.keystone(settings, TOKEN_CACHE_TTL))
                .withServer(ServerSettings.defaults().withRateLimit(0));
        app = AgentEventsApp.start(config, Clock.systemUTC());
        http = new HttpClientForTests(app.port());
        schema = TestDatabase.newSchema(KeystoneIdentityTest.class);
        onPostgres = AgentEventsApp.start(config.withDatabase(TestDatabase.settings(schema)), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (onPostgres != null) {
            onPostgres.close();
            TestDatabase.dropSchema(schema);
        }
        if (keystone != null) {
            keystone.close();
        }
    }

    private String tokenOf(String user) {
        return keystone.token(user, passwords.get(user), user.startsWith("globex") ? "globex" : "acme");
    }

    private String v2() {
        return "/v2/" + project;
    }

    private String registeredAgent() {
        HttpResponse<String> registered = http.post(v2() + "/agents", tokenOf("cb-admin"),
                DocumentedBodies.registration("web-" + UUID.randomUUID().toString().substring(0, 8), "fp-1"));
        assertThat(registered.statusCode()).isEqualTo(201);
        return json(registered).get("id").asText();
    }

    @ParameterizedTest(name = "{0}: read {1}, create and update {2}, delete {3}")
    @CsvSource({
            "cb-admin, 200, 202, 204",
            "cb-creator, 200, 202, 403",
            "cb-observer, 200, 403, 403",
            "global-admin, 200, 202, 204",
            "global-observer, 200, 403, 403",
            "owner, 200, 202, 204",
            "observer-and-cb-admin, 200, 202, 204",
            "cb-observer-and-creator, 200, 202, 403",
            "member-only, 403, 403, 403"})
    void eachDocumentedRole_mayDoWhatThePermissionMatrixSays_andTheWiderRoleWins(String user, int read, int write,
                                                                                int delete) {
        String token = tokenOf(user);
        String agent = registeredAgent();

        assertThat(http.get(v2() + "/agents", token).statusCode()).as("list agents").isEqualTo(read);
        assertThat(http.get(v2() + "/agents/" + agent, token).statusCode()).as("get an agent").isEqualTo(read);
        assertThat(http.post(v2() + "/events", token, ACTIVATE).statusCode()).as("activate").isEqualTo(write);
        assertThat(http.send("PATCH", v2() + "/agents/" + agent, token, DISABLE).statusCode()).as("update")
                .isEqualTo(write == 202 ? 204 : write);
        assertThat(http.send("DELETE", v2() + "/agents/" + agent, token, null).statusCode()).as("delete")
                .isEqualTo(delete);
    }

    @Test
    void anotherProjectsToken_is403_aGarbageToken_is401() {
        HttpResponse<String> otherProjects = http.get(v2() + "/agents", tokenOf("globex-admin"));
        assertThat(otherProjects.statusCode()).isEqualTo(403);
        assertThat(json(otherProjects).get("message").asText()).contains("not valid for project");
        assertThat(http.get("/v2/" + otherProject + "/agents", tokenOf("globex-admin")).statusCode()).isEqualTo(200);

        assertThat(http.get(v2() + "/agents", "gAAAAABgarbage-" + UUID.randomUUID()).statusCode()).isEqualTo(401);
        assertThat(http.get(v2() + "/agents", "not a token at all \u00e9").statusCode()).isEqualTo(401);
    }

    @Test
    void aRevokedToken_isRefusedWithinTheTokenCacheTtl() throws InterruptedException {
        String token = tokenOf("cb-observer");
        assertThat(http.get(v2() + "/agents", token).statusCode()).isEqualTo(200);

        keystone.revoke(token);
        long revoked = System.nanoTime();
        int status;
        do {
            status = http.get(v2() + "/agents", token).statusCode();
            Thread.sleep(50);
        } while (status == 200 && System.nanoTime() - revoked < TOKEN_CACHE_TTL.plusSeconds(2).toNanos());

        assertThat(status).as("refused once its time in the cache ran out").isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(TOKEN_CACHE_TTL.plusSeconds(2));
    }

    @Test
    void keystoneLost_cachedTokensAreServed_othersAre503Quickly_andKeystoneBack_servesThemWithoutARestart() {
        String cached = tokenOf("cb-creator");
        String uncached = tokenOf("cb-admin");
        assertThat(http.get(v2() + "/agents", cached).statusCode()).isEqualTo(200);
        assertThat(json(http.get("/readyz", null)).get("identity").asText()).isEqualTo("reachable");

        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger health = (Logger) LoggerFactory.getLogger("io.agentevents.adapter.keystone");
        logged.start();
        health.addAppender(logged);
        keystone.stop();
        try {
            assertThat(http.get(v2() + "/agents", cached).statusCode()).as("cached token").isEqualTo(200);
            long asked = System.nanoTime();
            HttpResponse<String> refused = http.get(v2() + "/agents", uncached);
            Duration took = Duration.ofNanos(System.nanoTime() - asked);
            assertThat(refused.statusCode()).as("uncached token while Keystone is lost").isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            HttpResponse<String> readiness = http.get("/readyz", null);
            assertThat(readiness.statusCode()).as("still ready: agents and cached tokens work").isEqualTo(200);
            assertThat(json(readiness).get("identity").asText()).isEqualTo("unreachable");
            assertThat(http.get(v2() + "/agents", uncached).statusCode()).as("still lost").isEqualTo(503);
        } finally {
            keystone.startServer();
        }

        assertThat(http.get(v2() + "/agents", uncached).statusCode()).as("Keystone back").isEqualTo(200);
        assertThat(json(http.get("/readyz", null)).get("identity").asText()).isEqualTo("reachable");
        health.detachAppender(logged);
        assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .as("lost, said once").singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                        .contains("lost").doesNotContain(uncached, cached));
        assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.INFO && event.getFormattedMessage().contains("is back"))
                .as("back, said once").hasSize(1);
    }

    @Test
    void onPostgres_keystoneTokensAreValidatedAfterTheAgentTokenLookup_andRemembered() {
        HttpClientForTests postgres = new HttpClientForTests(onPostgres.port());
        String token = tokenOf("cb-creator");

        assertThat(postgres.post(v2() + "/events", token, ACTIVATE).statusCode()).isEqualTo(202);
        var agent = HttpClientForTests.registerAndSignIn(postgres, postgres, project, token, "web-pg");
        assertThat(postgres.get(v2() + "/agents/" + agent.id() + "/events", agent.token()).statusCode()).isEqualTo(200);
        assertThat(postgres.send("DELETE", v2() + "/agents/" + agent.id(), token, null).statusCode()).isEqualTo(403);
        assertThat(postgres.get(v2() + "/agents", tokenOf("member-only")).statusCode()).isEqualTo(403);
        assertThat(postgres.get(v2() + "/agents", "gAAAAABgarbage-" + UUID.randomUUID()).statusCode()).isEqualTo(401);
    }

    @Test
    void agentsSignInAndPoll_withTheirOwnTokens_inAProjectOnlyKeystoneKnows() {
        var agent = HttpClientForTests.registerAndSignIn(http, http, project, tokenOf("cb-admin"), "web-poll");
        assertThat(http.get(v2() + "/agents/" + agent.id() + "/events", agent.token()).statusCode()).isEqualTo(200);

        String metrics = http.get("/metrics", null).body();
        assertThat(metrics).contains("agent_events_identity_validations_total{outcome=\"accepted\"}",
                "agent_events_identity_cache_hits_total", "agent_events_identity_calls_seconds_count");
    }
}
