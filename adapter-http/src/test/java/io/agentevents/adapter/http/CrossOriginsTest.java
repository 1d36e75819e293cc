package io.agentevents.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.adapter.http.edge.CrossOrigins;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pages at allowed origins may call every operation and read the answers; pages elsewhere get no CORS headers. */
class CrossOriginsTest {

    private static final String PANEL = "https://panel.example.com";
    private static final String ACTIVATION = "{\"event\":\"agent_activate\",\"mode\":\"active\"}";

    private TestApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    private void serve(String origins) {
        api = new TestApi(ApiOptions.defaults().withCrossOrigins(CrossOrigins.parse(origins)));
        api.activateAgents = command -> { };
    }

    private HttpResponse<String> preflight(String origin, String method, String path) {
        return api.send("OPTIONS", path, null, "Origin", origin, "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", "x-auth-token,idempotency-key,content-type");
    }

    private static List<String> listed(HttpResponse<String> response, String header) {
        return response.headers().allValues(header).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toList());
    }

    @Test
    void everyRouteAndMethod_hasItsPreflightAnswered_forAnAllowedOrigin() {
        serve(PANEL + ",http://localhost:8081");
        List<String> asked = new ArrayList<>();
        for (io.vertx.ext.web.Route route : api.router.getRoutes()) {
            List<String> methods = route.getMetadata(ApiRouter.METHODS);
            if (methods == null) {
                continue;
            }
            String path = route.getPath().replaceAll(":\\w+", UUID.randomUUID().toString());
            for (String method : methods) {
                HttpResponse<String> answer = preflight(PANEL, method, path);
                asked.add(method + " " + path);

                assertThat(answer.statusCode()).as(method + " " + path).isEqualTo(204);
                assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains(PANEL);
                assertThat(listed(answer, "Access-Control-Allow-Methods")).as(method + " " + path)
                        .contains(method.toLowerCase(Locale.ROOT));
                assertThat(listed(answer, "Access-Control-Allow-Headers"))
                        .contains("x-auth-token", "idempotency-key", "content-type", "last-event-id");
                assertThat(answer.headers().firstValue("Access-Control-Max-Age")).contains("600");
                assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
            }
        }
        assertThat(asked).hasSizeGreaterThan(20);
    }

    @Test
    void anAllowedOrigin_readsAnswers_andTheirHeaders_errorsIncluded() {
        serve(PANEL);

        HttpResponse<String> accepted = api.authorized("POST", "/v2/p1/events", ACTIVATION, "Origin", PANEL);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Access-Control-Allow-Origin")).contains(PANEL);
        assertThat(listed(accepted, "Access-Control-Expose-Headers"))
                .contains("x-request-id", "location", "retry-after", "idempotent-replayed", "x-poll-interval-ms",
                        "x-agent-mode");
        assertThat(listed(accepted, "Vary")).contains("origin");

        HttpResponse<String> refused = api.send("GET", "/v2/p1/events", null, "Origin", PANEL, "X-Auth-Token", "wrong");
        assertThat(refused.statusCode()).as("a refused token is an answer the page must read").isEqualTo(401);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).contains(PANEL);
        assertThat(refused.body()).contains("\"message\"");

        HttpResponse<String> unknown = api.send("GET", "/v2/p1/nothing-here", null, "Origin", PANEL);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Access-Control-Allow-Origin")).contains(PANEL);
    }

    @Test
    void anotherOrigin_getsNoCorsHeaders_andItsPreflightFails() {
        serve(PANEL);

        HttpResponse<String> answered = api.authorized("POST", "/v2/p1/events", ACTIVATION,
                "Origin", "https://evil.example.net");
        assertThat(answered.statusCode()).as("not a browser's concern on the server: answered as ever").isEqualTo(202);
        assertThat(answered.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(answered.headers().firstValue("Access-Control-Expose-Headers")).isEmpty();
        assertThat(listed(answered, "Vary")).contains("origin");

        HttpResponse<String> preflight = preflight("https://evil.example.net", "POST", "/v2/p1/events");
        assertThat(preflight.statusCode()).isEqualTo(405);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();

        HttpResponse<String> lookalike = preflight("https://panel.example.com.evil.example.net", "POST", "/v2/p1/events");
        assertThat(lookalike.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight("http://panel.example.com", "POST", "/v2/p1/events").headers()
                .firstValue("Access-Control-Allow-Origin")).as("another scheme is another origin").isEmpty();
    }

    @Test
    void withoutAnAllowlist_noOriginGetsCorsHeaders() {
        serve("");

        HttpResponse<String> answered = api.authorized("POST", "/v2/p1/events", ACTIVATION, "Origin", PANEL);
        assertThat(answered.statusCode()).isEqualTo(202);
        assertThat(answered.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight(PANEL, "POST", "/v2/p1/events").headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void origins_areReadAsBrowsersWriteThem_andWhatIsNotAnOriginIsRefused() {
        CrossOrigins origins = CrossOrigins.parse(" HTTPS://Panel.Example.COM:443 , http://[::1]:8081/");

        assertThat(origins.allows("https://panel.example.com")).isTrue();
        assertThat(origins.allows("http://[::1]:8081")).isTrue();
        assertThat(origins.allows("https://panel.example.com:8443")).isFalse();
        assertThat(origins.allows("null")).as("sandboxed frames and files").isFalse();
        assertThat(CrossOrigins.parse("").isEmpty()).isTrue();
        for (String bad : List.of("*", "panel.example.com", "https://panel.example.com/app", "https://user@panel.example.com",
                "ftp://panel.example.com", "https://panel.example.com?x=1", "a,,b", "https://")) {
            assertThatThrownBy(() -> CrossOrigins.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
