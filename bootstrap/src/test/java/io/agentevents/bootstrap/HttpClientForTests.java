package io.agentevents.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentevents.adapter.http.DocumentedAnswers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/** A small JSON-over-HTTP client for end-to-end tests. */
final class HttpClientForTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String base;

    HttpClientForTests(int port) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.base = "http://127.0.0.1:" + port;
    }

    /** Over HTTPS, trusting what {@code ssl} trusts, to {@code host} (the certificate's name). */
    HttpClientForTests(String host, int port, javax.net.ssl.SSLContext ssl) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ssl)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.base = "https://" + host + ":" + port;
    }

    HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(method + " " + path + " failed", failed);
        }
        DocumentedAnswers.check(method, response.uri(), response);
        return response;
    }

    HttpResponse<String> get(String path, String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    HttpResponse<String> post(String path, String token, String body, String... headers) {
        return send("POST", path, token, body, headers);
    }

    /**
     * Waits until the node's gauge (as {@code /metrics} names it) satisfies the condition, reading it
     * every few milliseconds, for at most 10 s: the event a test waits on (a poll seated, a flush
     * done) rather than a sleep that passes when it is merely late.
     */
    double awaitGauge(String name, java.util.function.DoublePredicate condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double value = gauge(name);
        while (!condition.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gauge " + name + " is still " + value + " after 10 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + name, interrupted);
            }
            value = gauge(name);
        }
        return value;
    }

    /** Waits until this node has written every check-in and heartbeat it took (its presence buffer is empty, no flush under way). */
    void awaitPresenceFlushed() {
        awaitGauge("agent_events_presence_buffered", buffered -> buffered == 0);
        awaitGauge("agent_events_presence_flushing", flushing -> flushing == 0);
    }

    private double gauge(String name) {
        for (String line : get("/metrics", null).body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no gauge " + name + " in /metrics");
    }

    /**
     * Reads until the answer satisfies the condition (presence is written within a flush
     * interval, 200 ms) or 5 s pass; returns the last answer either way.
     */
    JsonNode getUntil(String path, String token, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        JsonNode body = json(get(path, token));
        while (!condition.test(body) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
            body = json(get(path, token));
        }
        return body;
    }

    /** A GET that gives up after {@code timeout}: empty if no answer came by then. */
    Optional<HttpResponse<String>> getWithin(Duration timeout, String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("X-Auth-Token", token).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            DocumentedAnswers.check("GET", response.uri(), response);
            return Optional.of(response);
        } catch (java.net.http.HttpTimeoutException late) {
            return Optional.empty();
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError("GET " + path + " failed", failed);
        }
    }

    /** A registered agent's id and the token it signed in with. */
    record SignedInAgent(String id, String token) {
    }

    /** Registers an agent through {@code registrar} and signs it in through {@code signIn}. */
    static SignedInAgent registerAndSignIn(HttpClientForTests registrar, HttpClientForTests signIn, String project,
                                           String adminToken, String name) {
        HttpResponse<String> registered = registrar.post("/v2/" + project + "/agents", adminToken,
                DocumentedBodies.registration(name, "fp-" + name));
        String agent = json(registered).get("id").asText();
        HttpResponse<String> token = signIn.post("/v2/" + project + "/agents/tokens", null, DocumentedBodies.signIn(project,
                agent, json(registered).get("password").asText(), "fp-" + name));
        if (token.statusCode() != 200) {
            throw new AssertionError("sign-in answered " + token.statusCode() + ": " + token.body());
        }
        return new SignedInAgent(agent, json(token).get("token").get("id").asText());
    }

    /** The marker of an agent's feed once it has read everything: where its next poll starts. */
    String markerAfterAll(String feed, String agentToken) {
        String path = feed;
        while (true) {
            JsonNode page = json(get(path, agentToken));
            String next = page.get("links").get(0).get("href").asText().replaceAll(".*marker=(\\d+).*", "$1");
            if (page.get("events").isEmpty()) {
                return next;
            }
            path = feed + "?marker=" + next;
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException notJson) {
            throw new AssertionError("not JSON: " + response.body(), notJson);
        }
    }
}
