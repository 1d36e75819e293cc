package io.agentevents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.agentevents.adapter.http.edge.CrossOrigins;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.Role;
import io.agentevents.domain.TestSessions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page served from another origin calls the service with {@code fetch}, in Chromium: the
 * browser's own preflight and checks, not crafted headers. The allowed page sends its token and
 * an idempotency key, reads answers, their exposed headers and refusals; a page at an origin
 * outside {@code --cors-origins} is stopped by the browser before its request is sent.
 */
class BrowserCorsTest {

    private static final String TOKEN = "panel-user-token";
    private static final String FETCH = """
            const [url, method, token, body, done] = arguments;
            const headers = {'X-Auth-Token': token};
            if (body) { headers['Content-Type'] = 'application/json'; headers['Idempotency-Key'] = 'panel-key-1'; }
            fetch(url, {method, headers, body})
                .then(async answer => done({status: answer.status, requestId: answer.headers.get('X-Request-Id'),
                                            body: await answer.text()}))
                .catch(failure => done({error: String(failure)}));
            """;

    private static final String project = TestSessions.newProject().value();
    private static HttpServer allowedPages;
    private static HttpServer otherPages;
    private static AgentEventsApp app;
    private static HttpClientForTests api;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws IOException {
        allowedPages = pageServer();
        otherPages = pageServer();
        AppConfig config = AppConfig.inMemory(0, List.of(new UserToken(new Secret(TOKEN), new ProjectId(project), Role.ADMIN)));
        config = config.withServer(config.server().withCrossOrigins(CrossOrigins.parse(originOf(allowedPages))));
        app = AgentEventsApp.start(config, Clock.systemUTC());
        api = new HttpClientForTests(app.port());
        chromium = Chromium.start(1024, 768);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (app != null) {
            app.close();
        }
        allowedPages.stop(0);
        otherPages.stop(0);
    }

    /** An empty page at an origin of its own (127.0.0.1 on a port of its own). */
    private static HttpServer pageServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] page = "<!doctype html><title>panel</title><p>panel".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        server.start();
        return server;
    }

    private static String originOf(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetchFrom(HttpServer page, String method, String path, String token, String body) {
        chromium.driver.get(originOf(page) + "/");
        return (Map<String, Object>) chromium.driver.executeAsyncScript(FETCH,
                "http://127.0.0.1:" + app.port() + path, method, token, body);
    }

    private static int activationsStored() {
        JsonNode events = HttpClientForTests.json(api.get("/v2/" + project + "/events", TOKEN));
        int count = 0;
        for (JsonNode event : events.get("events")) {
            count += event.get("event").asText().equals("agent_activate") ? 1 : 0;
        }
        return count;
    }

    @Test
    void thePageAtAnAllowedOrigin_activates_andReadsTheAnswerAndItsRequestId() {
        int before = activationsStored();

        Map<String, Object> answer = fetchFrom(allowedPages, "POST", "/v2/" + project + "/events", TOKEN,
                "{\"event\":\"agent_activate\",\"mode\":\"active\"}");

        assertThat(answer).doesNotContainKey("error").containsEntry("status", 202L);
        assertThat((String) answer.get("requestId")).as("an exposed header").matches("[0-9a-f-]{36}");
        assertThat(activationsStored()).isEqualTo(before + 1);
    }

    @Test
    void thePageAtAnAllowedOrigin_readsARefusedToken_asAnAnswer() {
        Map<String, Object> answer = fetchFrom(allowedPages, "GET", "/v2/" + project + "/events", "not-a-token", null);

        assertThat(answer).doesNotContainKey("error").containsEntry("status", 401L);
        assertThat((String) answer.get("body")).contains("\"message\"");
    }

    @Test
    void aPageAtAnotherOrigin_isRefusedByTheBrowser_andItsRequestIsNeverSent() {
        int before = activationsStored();

        Map<String, Object> answer = fetchFrom(otherPages, "POST", "/v2/" + project + "/events", TOKEN,
                "{\"event\":\"agent_activate\",\"mode\":\"active\"}");
        Map<String, Object> read = fetchFrom(otherPages, "GET", "/v2/" + project + "/events", TOKEN, null);

        assertThat(answer).containsKey("error").doesNotContainKey("status");
        assertThat((String) answer.get("error")).contains("Failed to fetch");
        assertThat(read).as("nor may it read").containsKey("error").doesNotContainKey("status");
        assertThat(activationsStored()).as("the preflight failed: the POST never reached the service").isEqualTo(before);
    }
}
