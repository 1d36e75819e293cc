package io.agentevents.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A declared body other than UTF-8 JSON is a 415 on every route and method, before any decoder or use case. */
class ContentTypesTest {

    private static final TestApi API = new TestApi();
    private static final String AGENT = UUID.randomUUID().toString();
    private static final List<String> OPERATIONS = List.of(
            "POST /v2/p1/events", "GET /v2/p1/events",
            "POST /v2/p1/agents", "GET /v2/p1/agents",
            "POST /v2/p1/agents/tokens",
            "GET /v2/p1/agents/" + AGENT, "PATCH /v2/p1/agents/" + AGENT, "DELETE /v2/p1/agents/" + AGENT,
            "POST /v2/p1/agents/" + AGENT + "/events", "GET /v2/p1/agents/" + AGENT + "/events",
            "GET /v2/p1/agents/" + AGENT + "/status", "GET /v2/p1/agents/" + AGENT + "/configuration",
            "GET /healthz", "GET /readyz", "GET /metrics", "GET /openapi.json", "GET /no/such/route");
    /** Each type with a body it could carry; the form bodies hold broken escapes. */
    private static final List<String[]> NOT_JSON = List.of(
            new String[]{"application/x-www-form-urlencoded", "event=%zz&mode=%"},
            new String[]{"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"%zz\"\r\n\r\n%\r\n--x--\r\n"},
            new String[]{"text/plain", "{\"event\":\"agent_activate\",\"mode\":\"active\"}"},
            new String[]{"application/json; charset=iso-8859-1", "{\"event\":\"agent_activate\",\"mode\":\"active\"}"},
            new String[]{"application/json; charset=utf-16", "{}"},
            new String[]{"application/xml", "<event/>"},
            new String[]{"garbage", "x"},
            new String[]{";;;", "x"});

    @AfterAll
    static void close() {
        API.close();
    }

    @Test
    void everyRouteAndMethod_answers415ForEveryTypeThatIsNotUtf8Json_withTheErrorBody() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String operation : OPERATIONS) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            for (String[] type : NOT_JSON) {
                HttpResponse<String> answer = API.send(method, path, type[1], "X-Auth-Token", TestApi.TOKEN,
                        "Content-Type", type[0]);
                JsonNode body = API.codec.readTree(answer.body());
                if (answer.statusCode() != 415 || !body.path("message").asText().contains("application/json")) {
                    wrong.add(operation + " as " + type[0] + ": " + answer.statusCode() + " " + answer.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aBodyWithoutAType_is415_andARequestWithoutABody_needsNoType() {
        HttpResponse<String> undeclared = API.send("POST", "/v2/p1/events", "{}", "X-Auth-Token", TestApi.TOKEN);
        HttpResponse<String> noBody = API.send("GET", "/healthz", null);

        assertThat(undeclared.statusCode()).isEqualTo(415);
        assertThat(noBody.statusCode()).isEqualTo(200);
    }

    @Test
    void jsonWithOrWithoutAUtf8Charset_passesToTheRoute() {
        for (String type : List.of("application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
                "application/json; charset=\"utf-8\"")) {
            // The body is not an object: the route's own reader refuses it, which shows the gate let it through.
            HttpResponse<String> answer = API.send("POST", "/v2/p1/events", "[]", "X-Auth-Token", TestApi.TOKEN,
                    "Content-Type", type);
            assertThat(answer.statusCode()).as(type).isEqualTo(400);
        }
    }

    @Test
    void brokenPercentEscapes_inPathOrQuery_are400() throws Exception {
        for (String path : List.of("/v2/p1/ev%zzents", "/v2/p1/events?marker=%zz", "/v2/p1/events?limit=%", "/healthz%2")) {
            // Sent as raw bytes: java.net.URI refuses to build such a request at all.
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", API.port())) {
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: "
                        + TestApi.TOKEN + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(answer).as(path).startsWith("HTTP/1.1 400").contains("percent escape")
                        .doesNotContain("internal error");
            }
        }
    }
}
