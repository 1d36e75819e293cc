package io.agentevents.bootstrap;

import static io.agentevents.bootstrap.HttpClientForTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.adapter.http.ReferenceExamples;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.adapter.http.wire.LogfileLinks;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.RequestSettings;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.Role;
import io.agentevents.domain.request.TestRequests;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The v2 reference's example requests, sent as they are (with the live project, agent id and
 * password in place of the example's), get the documented status; each answer has every field of
 * the reference's example answer with the same JSON type. The fields left out are the ones this
 * service has no data for, as docs/API.md says.
 */
abstract class ReferenceConformanceScenarios {

    private static final String TOKEN = "conformance-admin-token";
    private static final String EXAMPLE_MACHINE = "55f83711-85ff-49d6-9a1a-58c67d452c6a";
    /** The vault is the backup service's: this one knows only how the agent reaches it; machines have no links here. */
    private static final Set<String> AGENT_NOT_SERVED = Set.of("vault.id", "vault.name", "vault.state", "vault.flavor",
            "vault.region", "vault.links[]", "host.machine.links[]");
    private static final Set<String> LIST_NOT_SERVED = Set.of("agents[].vault.id", "agents[].vault.name",
            "agents[].vault.state", "agents[].vault.flavor", "agents[].vault.region", "agents[].vault.links[]",
            "agents[].host.machine.links[]");
    /** This service keeps no vaults and no backup configurations. */
    private static final Set<String> CONFIGURATION_NOT_SERVED = Set.of("vaults[]", "configurations[]");

    private final String project = TestSessions.newProject().value();
    private final String v2 = "/v2/" + project;
    private AgentEventsApp app;
    private HttpClientForTests http;

    protected abstract AppConfig onStore(AppConfig config);

    /** Where the reference's examples keep log files: a Cloud Files container, with a TempURL key. */
    private static final String LOGFILE_CONTAINER =
            "https://cloudfilesapi.example.com/v1/MossoCloudFS_f14d894e-28cd-4f31-8b08-449ec0876346/CloudBackupLogs/v2";
    /** Real base64 for the placeholders of the browse examples: "/home/café" in Latin-1, "initrd". */
    private static final Map<String, String> ENCODED = Map.of(ReferenceExamples.EXAMPLE_PATH_ENCODED, "L2hvbWUvY2Fm6Q==",
            ReferenceExamples.EXAMPLE_NAME_ENCODED, "aW5pdHJk");

    @BeforeEach
    void start() {
        AppConfig config = AppConfig.inMemory(0, List.of(new UserToken(new Secret(TOKEN), new ProjectId(project), Role.ADMIN)))
                .withRequests(RequestSettings.defaults().withLogfiles(new RequestSettings.LogfileContainer(LOGFILE_CONTAINER,
                        Optional.of("conformance-temp-url-key"), LogfileLinks.Digest.SHA1, Duration.ofHours(1))));
        app = AgentEventsApp.start(onStore(config), Clock.systemUTC());
        http = new HttpClientForTests(app.port());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static void assertShape(String example, JsonNode actual, Set<String> notServed) {
        assertThat(ReferenceExamples.shapeDifferences(ReferenceExamples.json(example), actual, notServed))
                .as("where the answer differs from the reference's example " + example).isEmpty();
    }

    /** Each example event has an event of its type in the answer, of its shape. */
    private static void assertEventsShape(String example, JsonNode actual) {
        JsonNode expected = ReferenceExamples.json(example);
        assertThat(ReferenceExamples.shapeDifferences(expected.get("links"), actual.get("links"), Set.of())).isEmpty();
        for (JsonNode exampleEvent : expected.get("events")) {
            String type = exampleEvent.get("event").asText();
            List<JsonNode> ofType = java.util.stream.StreamSupport.stream(actual.get("events").spliterator(), false)
                    .filter(event -> event.get("event").asText().equals(type)).toList();
            assertThat(ofType).as("events of type " + type + " in " + actual).isNotEmpty();
            for (JsonNode event : ofType) {
                assertThat(ReferenceExamples.shapeDifferences(exampleEvent, event, Set.of()))
                        .as("where a " + type + " event differs from the reference's example").isEmpty();
                assertThat(event.get("id").asText()).matches("[0-9]{10,19}");
            }
        }
    }

    @Test
    void everyExampleRequest_getsTheDocumentedStatus_andEveryAnswerTheDocumentedShape() {
        HttpResponse<String> activated = http.post(v2 + "/events", TOKEN, ReferenceExamples.text("post-project-events.request"));
        assertThat(activated.statusCode()).as("Post project events").isEqualTo(202);
        assertThat(activated.body()).isEmpty();

        HttpResponse<String> registered = http.post(v2 + "/agents", TOKEN, ReferenceExamples.text("register-an-agent.request"));
        assertThat(registered.statusCode()).as("Register an agent").isEqualTo(201);
        JsonNode registration = json(registered);
        assertShape("register-an-agent.response", registration, AGENT_NOT_SERVED);
        String agent = registration.get("id").asText();
        String agentPath = v2 + "/agents/" + agent;
        assertThat(registered.headers().firstValue("Location")).contains("http://localhost:" + app.port() + agentPath);
        assertThat(registration.get("project_id").asText()).isEqualTo(project);

        Map<String, String> live = Map.of("\"" + ReferenceExamples.EXAMPLE_PROJECT + "\"", "\"" + project + "\"",
                ReferenceExamples.EXAMPLE_AGENT, agent, ReferenceExamples.EXAMPLE_PASSWORD, registration.get("password").asText());
        HttpResponse<String> token = http.post(v2 + "/agents/tokens", null,
                ReferenceExamples.text("authenticate-an-agent.request", live));
        assertThat(token.statusCode()).as("Authenticate an agent").isEqualTo(200);
        assertShape("authenticate-an-agent.response", json(token), Set.of());
        String agentToken = json(token).get("token").get("id").asText();

        HttpResponse<String> started = http.post(agentPath + "/events", agentToken,
                ReferenceExamples.text("post-events-for-an-agent.request"), "X-Agent-Id", agent);
        assertThat(started.statusCode()).as("Post events for an agent").isEqualTo(202);
        assertThat(http.post(agentPath + "/events", agentToken, "{\"event\":\"heartbeat\"}", "X-Agent-Id", agent)
                .statusCode()).isEqualTo(202);
        assertThat(http.send("PATCH", agentPath, TOKEN, ReferenceExamples.text("update-an-agent.request"),
                "Content-Type", "application/json-patch+json").statusCode()).as("Update an agent").isEqualTo(204);
        assertThat(http.send("PATCH", agentPath, TOKEN, "[{\"op\":\"replace\",\"path\":\"/log_level\",\"value\":\"warn\"}]",
                "Content-Type", "application/json-patch+json").statusCode()).isEqualTo(204);

        HttpResponse<String> listed = http.get(v2 + "/agents?host_machine_id=" + EXAMPLE_MACHINE, TOKEN);
        assertThat(listed.statusCode()).as("List agents for a project").isEqualTo(200);
        assertShape("list-agents-for-a-project.response", json(listed), LIST_NOT_SERVED);
        HttpResponse<String> details = http.get(agentPath, TOKEN);
        assertThat(details.statusCode()).as("List details about an agent").isEqualTo(200);
        assertShape("list-details-about-an-agent.response", json(details), AGENT_NOT_SERVED);
        assertThat(json(details).get("log_level").asText()).isEqualTo("warn");
        HttpResponse<String> status = http.get(agentPath + "/status", TOKEN);
        assertThat(status.statusCode()).as("Get an agent's status").isEqualTo(200);
        assertShape("get-an-agents-status.response", json(status), Set.of());
        HttpResponse<String> configuration = http.get(agentPath + "/configuration", agentToken);
        assertThat(configuration.statusCode()).as("List configuration settings for an agent").isEqualTo(200);
        assertShape("list-configuration-settings-for-an-agent.response", json(configuration), CONFIGURATION_NOT_SERVED);

        askTheAgentEveryRequestOfTheReference(agent, agentToken, agentPath);

        assertThat(http.post(agentPath + "/events", agentToken, "{\"event\":\"shutdown\"}", "X-Agent-Id", agent)
                .statusCode()).isEqualTo(202);
        JsonNode agentEvents = http.getUntil(agentPath + "/events", TOKEN, feed -> feed.get("events").findValuesAsText("event")
                .contains("agent_heartbeat"));
        assertEventsShape("list-events-for-an-agent.response", agentEvents);
        assertThat(agentEvents.get("links").get(0).get("href").asText()).startsWith("http://localhost:" + app.port() + agentPath);
        JsonNode projectEvents = json(http.get(v2 + "/events", TOKEN));
        assertEventsShape("retrieve-project-events.response", projectEvents);

        assertThat(http.send("DELETE", agentPath, TOKEN, null).statusCode()).as("Delete an agent").isEqualTo(204);
        assertThat(http.get(agentPath, TOKEN).statusCode()).isEqualTo(404);
    }

    /** The path of the answer a request's 202 points to, checked to be where this service routes it. */
    private String answerPathOf(HttpResponse<String> accepted, String agentPath, String collection) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String prefix = "http://localhost:" + app.port() + agentPath + "/" + collection + "/";
        assertThat(location).startsWith(prefix).matches(".*/[0-9a-f-]{36}$");
        assertThat(location.substring(prefix.length())).isEqualTo(accepted.headers().firstValue("X-Request-Id").orElseThrow());
        return location.substring(("http://localhost:" + app.port()).length());
    }

    /**
     * Each example request of the browse, vault and log file pages, sent by the client, answered by
     * the agent with the reference's bodies, and read back by the client, with the documented
     * refusals on the way; the agent's feed then holds every request event type of the reference.
     */
    private void askTheAgentEveryRequestOfTheReference(String agent, String agentToken, String agentPath) {
        var other = HttpClientForTests.registerAndSignIn(http, http, project, TOKEN, "vault-owner");
        Map<String, String> live = new java.util.HashMap<>(ENCODED);
        live.put(ReferenceExamples.EXAMPLE_OTHER_AGENT, other.id());

        HttpResponse<String> unencrypted = http.post(agentPath + "/vault-password-verification-requests", TOKEN,
                ReferenceExamples.text("request-to-verify-the-password-for-an-agents-vault.request", live));
        assertThat(unencrypted.statusCode()).as("403 if the vault is not encrypted").isEqualTo(403);
        assertShape("request-to-verify-the-password-for-an-agents-vault.response-403", json(unencrypted), Set.of());
        assertThat(json(unencrypted).get("message").asText()).isEqualTo(ReferenceExamples.json(
                "request-to-verify-the-password-for-an-agents-vault.response-403").get("message").asText());
        HttpResponse<String> oldForUnencrypted = http.post(agentPath + "/vault-encryption-requests", TOKEN,
                "{\"old_encrypted_password_hex\":\"0a0b\",\"new_encrypted_password_hex\":\"0c0d\"}");
        assertThat(oldForUnencrypted.statusCode()).as("403 for an old password of an unencrypted vault").isEqualTo(403);
        assertThat(json(oldForUnencrypted).get("message").asText()).isEqualTo(ReferenceExamples.json(
                "enable-or-change-encryption-for-an-agents-vault.response-403").get("message").asText());

        String enable = answerPathOf(http.post(agentPath + "/vault-encryption-requests", TOKEN,
                ReferenceExamples.text("enable-or-change-encryption-for-an-agents-vault.request")), agentPath,
                "vault-encryption-requests");
        assertThat(http.get(enable, TOKEN).statusCode()).as("404 until the agent reports").isEqualTo(404);
        assertThat(http.post(enable, agentToken, ReferenceExamples.text("report-results-of-a-vault-encryption-request.request"))
                .statusCode()).as("Report the results of a vault encryption request").isEqualTo(204);
        HttpResponse<String> enabled = http.get(enable, TOKEN);
        assertThat(enabled.statusCode()).as("Retrieve the results of a vault encryption request").isEqualTo(200);
        assertShape("lists-results-of-a-vault-encryption-request.response", json(enabled), Set.of());
        assertThat(json(http.get(agentPath, TOKEN)).get("vault").get("encrypted").asBoolean()).isTrue();
        HttpResponse<String> noOld = http.post(agentPath + "/vault-encryption-requests", TOKEN,
                ReferenceExamples.text("enable-or-change-encryption-for-an-agents-vault.request"));
        assertThat(noOld.statusCode()).as("403 without an old password for an encrypted vault").isEqualTo(403);
        String change = answerPathOf(http.post(agentPath + "/vault-encryption-requests", TOKEN,
                "{\"old_encrypted_password_hex\":\"" + TestRequests.EXAMPLE_PASSWORD_HEX + "\",\"new_encrypted_password_hex\":\"0c0d\"}"),
                agentPath, "vault-encryption-requests");
        assertThat(http.post(change, agentToken, "{\"action\":\"changed\",\"succeeded\":true}").statusCode()).isEqualTo(204);
        assertThat(json(http.get(change, TOKEN)).get("event").asText()).isEqualTo("vault_encryption_changed");

        String otherPath = "/v2/" + project + "/agents/" + other.id();
        String otherEnable = answerPathOf(http.post(otherPath + "/vault-encryption-requests", TOKEN,
                ReferenceExamples.text("enable-or-change-encryption-for-an-agents-vault.request")), otherPath,
                "vault-encryption-requests");
        assertThat(http.post(otherEnable, other.token(), ReferenceExamples.text(
                "report-results-of-a-vault-encryption-request.request")).statusCode()).isEqualTo(204);
        String verify = answerPathOf(http.post(agentPath + "/vault-password-verification-requests", TOKEN,
                ReferenceExamples.text("request-to-verify-the-password-for-an-agents-vault.request", live)), agentPath,
                "vault-password-verification-requests");
        assertThat(http.get(verify, TOKEN).statusCode()).isEqualTo(404);
        assertThat(http.post(verify, agentToken, ReferenceExamples.text(
                "report-results-of-a-vault-password-verification-request.request")).statusCode())
                .as("Report the results of a vault password verification request").isEqualTo(204);
        HttpResponse<String> verified = http.get(verify, TOKEN);
        assertThat(verified.statusCode()).as("Retrieve the results for a vault password verification request").isEqualTo(200);
        assertShape("list-results-for-a-vault-password-verification-request.response", json(verified), Set.of());

        String browse = answerPathOf(http.post(agentPath + "/browse-requests", TOKEN,
                ReferenceExamples.text("request-to-browse-an-agents-files.request", ENCODED)), agentPath, "browse-requests");
        assertThat(http.get(browse, TOKEN).statusCode()).as("404 until the agent answers").isEqualTo(404);
        assertThat(http.post(browse, agentToken, ReferenceExamples.text("view-results-of-a-browse-request-for-an-agent.response",
                ENCODED)).statusCode()).as("the agent's answer to a browse").isEqualTo(204);
        HttpResponse<String> browsed = http.get(browse, TOKEN);
        assertThat(browsed.statusCode()).as("View results of a browse request for an agent").isEqualTo(200);
        assertShape("view-results-of-a-browse-request-for-an-agent.response", json(browsed), Set.of());
        assertThat(json(browsed).get("items").get(0).get("name_encoded").asText()).isEqualTo("aW5pdHJk");

        HttpResponse<String> requested = http.send("POST", agentPath + "/logfiles", TOKEN, null, "Content-Type",
                "application/json");
        assertThat(requested.statusCode()).as("Request download of the log file for an agent").isEqualTo(202);
        assertShape("request-download-of-the-log-file-for-an-agent.response", json(requested), Set.of());
        String logfile = requested.headers().firstValue("Location").orElseThrow()
                .substring(("http://localhost:" + app.port()).length());
        assertThat(http.send("PATCH", logfile, agentToken, ReferenceExamples.text("update-a-log-file.request"),
                "Content-Type", "application/json-patch+json").statusCode()).as("Update a log file").isEqualTo(204);
        assertThat(http.send("PATCH", logfile, agentToken, "[{\"op\":\"replace\",\"path\":\"/state\",\"value\":\"completed\"}]",
                "Content-Type", "application/json-patch+json").statusCode()).isEqualTo(204);
        HttpResponse<String> listed = http.get(agentPath + "/logfiles", TOKEN);
        assertThat(listed.statusCode()).as("Retrieve the log files for an agent").isEqualTo(200);
        assertShape("list-the-log-files-for-an-agent.response", json(listed), Set.of());
        assertThat(json(listed).get("logfiles").get(0).get("links").get(1).get("href").asText())
                .startsWith(LOGFILE_CONTAINER + "/" + agent + "/").endsWith(".gz");
        HttpResponse<String> details = http.get(logfile, TOKEN);
        assertThat(details.statusCode()).as("Retrieve details for the log files for an agent").isEqualTo(200);
        assertShape("list-details-for-the-log-files-for-an-agent.response", json(details), Set.of());
        assertThat(json(details).get("state").asText()).isEqualTo("completed");
        HttpResponse<String> second = http.post(agentPath + "/logfiles", TOKEN, null);
        String deletable = second.headers().firstValue("Location").orElseThrow().substring(("http://localhost:" + app.port()).length());
        assertThat(http.send("DELETE", deletable, TOKEN, null).statusCode()).as("Delete a log file").isEqualTo(204);
        assertThat(http.get(deletable, TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void documentedRefusals_ofTheTokenRequest() {
        JsonNode registration = json(http.post(v2 + "/agents", TOKEN, ReferenceExamples.text("register-an-agent.request")));
        String agent = registration.get("id").asText();
        Map<String, String> wrongPassword = Map.of("\"" + ReferenceExamples.EXAMPLE_PROJECT + "\"", "\"" + project + "\"",
                ReferenceExamples.EXAMPLE_AGENT, agent);
        Map<String, String> otherHost = Map.of("\"" + ReferenceExamples.EXAMPLE_PROJECT + "\"", "\"" + project + "\"",
                ReferenceExamples.EXAMPLE_AGENT, agent, ReferenceExamples.EXAMPLE_PASSWORD, registration.get("password").asText(),
                ReferenceExamples.EXAMPLE_FINGERPRINT, "another-host");

        assertThat(http.post(v2 + "/agents/tokens", null, ReferenceExamples.text("authenticate-an-agent.request", wrongPassword))
                .statusCode()).as("401 if the credentials are rejected").isEqualTo(401);
        assertThat(http.post(v2 + "/agents/tokens", null, ReferenceExamples.text("authenticate-an-agent.request", otherHost))
                .statusCode()).as("409 if the fingerprint does not match the registration").isEqualTo(409);
        assertThat(http.send("PATCH", v2 + "/agents/" + TestSessions.newAgent(), TOKEN,
                ReferenceExamples.text("update-an-agent.request"), "Content-Type", "application/json-patch+json")
                .statusCode()).as("404 for an unknown agent").isEqualTo(404);
    }

    @Test
    void aDisabledAgent_isRefusedUntilEnabledAgain() {
        JsonNode registration = json(http.post(v2 + "/agents", TOKEN, ReferenceExamples.text("register-an-agent.request")));
        String agent = registration.get("id").asText();
        String signIn = ReferenceExamples.text("authenticate-an-agent.request", Map.of(
                "\"" + ReferenceExamples.EXAMPLE_PROJECT + "\"", "\"" + project + "\"", ReferenceExamples.EXAMPLE_AGENT, agent,
                ReferenceExamples.EXAMPLE_PASSWORD, registration.get("password").asText()));
        String agentToken = json(http.post(v2 + "/agents/tokens", null, signIn)).get("token").get("id").asText();
        String agentPath = v2 + "/agents/" + agent;

        assertThat(http.send("PATCH", agentPath, TOKEN, "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":false}]",
                "Content-Type", "application/json-patch+json").statusCode()).isEqualTo(204);

        assertThat(json(http.get(agentPath, TOKEN)).get("enabled").asBoolean()).isFalse();
        assertThat(http.get(agentPath + "/events", agentToken).statusCode()).as("its token is revoked").isEqualTo(401);
        HttpResponse<String> refused = http.post(v2 + "/agents/tokens", null, signIn);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("message").asText()).contains("disabled");
        assertThat(http.send("PATCH", agentPath, TOKEN, "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]",
                "Content-Type", "application/json-patch+json").statusCode()).isEqualTo(204);
        assertThat(http.post(v2 + "/agents/tokens", null, signIn).statusCode()).isEqualTo(200);
    }
}
