package io.agentevents.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Route;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document, the contract of the API, has exactly the router's paths and
 * methods; what each operation answers is held to it on every answer of every HTTP test
 * ({@link DocumentedAnswers}).
 */
class OpenApiDocumentTest {

    private final TestApi api = new TestApi();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void document_isServedAsJson() {
        HttpResponse<String> response = api.send("GET", "/openapi.json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(api.codec.readTree(response.body()).get("openapi").asText()).startsWith("3.");
    }

    @Test
    void document_listsTheRoutersPathsAndMethods() {
        JsonNode document = api.codec.readTree(api.send("GET", "/openapi.json", null).body());

        assertThat(documented(document)).isEqualTo(routed());
    }

    @Test
    void everyOperation_documentsItsAnswersForABugAndForAnUnreachableStore() {
        JsonNode paths = api.codec.readTree(api.send("GET", "/openapi.json", null).body()).get("paths");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode responses = operation.getValue().get("responses");
            assertThat(responses.has("500")).as(operation.getKey() + " " + path.getKey()).isTrue();
            if (path.getKey().startsWith("/v2/")) {
                assertThat(responses.has("503")).as(operation.getKey() + " " + path.getKey()).isTrue();
                // A sign-in is outside the request budget: a wrong password is answered late instead.
                boolean signIn = path.getKey().endsWith("/agents/tokens");
                assertThat(responses.has("429")).as(operation.getKey() + " " + path.getKey()).isEqualTo(!signIn);
            }
        }));
    }

    @Test
    void anAnswerTheDocumentDoesNotAllow_failsTheCheck() {
        api.agentStatus = query -> {
            throw new io.agentevents.application.port.in.FingerprintMismatchException(io.agentevents.domain.TestSessions.newAgent());
        };

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> api.authorized("GET",
                        "/v2/p1/agents/" + io.agentevents.domain.TestSessions.newAgent() + "/status", null))
                .isInstanceOf(AssertionError.class).hasMessageContaining("409");
    }

    @Test
    void document_definesEveryReferenceItUses() {
        String text = api.send("GET", "/openapi.json", null).body();
        JsonNode components = api.codec.readTree(text).get("components");
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\"#/components/(\\w+)/(\\w+)\"").matcher(text);
        int count = 0;
        while (refs.find()) {
            count++;
            assertThat(components.path(refs.group(1)).has(refs.group(2))).as(refs.group()).isTrue();
        }
        assertThat(count).isPositive();
    }

    /** "GET /v2/{project}/events" for each operation of the router's routes. */
    private Set<String> routed() {
        Set<String> operations = new TreeSet<>();
        for (Route route : api.router.getRoutes()) {
            List<String> methods = route.getMetadata(ApiRouter.METHODS);
            if (methods == null) {
                continue; // the router-wide handlers
            }
            String path = route.getPath().replaceAll(":(\\w+)", "{$1}");
            methods.forEach(method -> operations.add(method + " " + path));
        }
        assertThat(operations).hasSizeGreaterThan(10);
        return operations;
    }

    private static Set<String> documented(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method ->
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        return operations;
    }
}
