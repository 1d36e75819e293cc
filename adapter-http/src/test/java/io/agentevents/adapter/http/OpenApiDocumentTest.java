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
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document says exactly what the router does: same paths, methods and statuses. */
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
    void document_listsTheRoutersOperationsAndTheirStatuses() {
        JsonNode document = api.codec.readTree(api.send("GET", "/openapi.json", null).body());

        assertThat(documented(document)).isEqualTo(routed());
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

    /** "GET /v2/{project}/events" → statuses, from the router's routes and their declared statuses. */
    private Map<String, Set<Integer>> routed() {
        Map<String, Set<Integer>> operations = new TreeMap<>();
        for (Route route : api.router.getRoutes()) {
            Map<String, List<Integer>> statuses = route.getMetadata(ApiRouter.OPERATIONS);
            if (statuses == null) {
                continue; // the router-wide handlers
            }
            String path = route.getPath().replaceAll(":(\\w+)", "{$1}");
            statuses.forEach((method, answers) -> operations.put(method + " " + path, new TreeSet<>(answers)));
        }
        assertThat(operations).hasSizeGreaterThan(10);
        return operations;
    }

    private static Map<String, Set<Integer>> documented(JsonNode document) {
        Map<String, Set<Integer>> operations = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                Set<Integer> statuses = new TreeSet<>();
                method.getValue().get("responses").fieldNames().forEachRemaining(code -> statuses.add(Integer.parseInt(code)));
                operations.put(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), statuses);
            }
        }
        return operations;
    }
}
