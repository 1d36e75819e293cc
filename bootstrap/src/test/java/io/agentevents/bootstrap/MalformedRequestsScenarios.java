package io.agentevents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.ServerSettings;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.Role;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Seeded-random robustness suite: thousands of malformed, truncated, oversized, wrongly typed or
 * wrongly encoded requests over every endpoint, each built so that no reading of it is valid.
 * Every answer must be a 4xx with the JSON error body and nothing internal in it; afterwards the
 * server still serves, and nothing was written. Every route meets every kind of declared body
 * (JSON with and without a charset, other charsets, forms with broken escapes, multipart, text,
 * none, garbage), broken percent escapes in paths and queries, and text no store may keep (NUL,
 * unpaired surrogates). Runs on each store. {@code -Dfuzz.seed=N -Dfuzz.requests=N} replay or
 * widen a run.
 */
abstract class MalformedRequestsScenarios {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "fuzz-admin-token";
    private static final String ACTIVATE = "{\"event\":\"agent_activate\",\"mode\":\"active\"}";
    private static final String REGISTRATION = DocumentedBodies.registration("web-1", "fp-web-1");
    private static final String PATCH = "[{\"op\":\"replace\",\"path\":\"/log_level\",\"value\":\"debug\"}]";
    private static final List<String> JSON_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/json;charset=UTF-8", "Application/JSON; charset=\"utf-8\"");
    /** Declared bodies that are not UTF-8 JSON: each is a 415 on every route, whatever the body holds. */
    private static final List<String> OTHER_TYPES = List.of("text/plain", "text/plain; charset=utf-8", "application/xml",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png",
            "application/json; charset=iso-8859-1", "application/json; charset=utf-16", "application/jsonx",
            "application/", ";;;", "garbage", "application/json-patch+json; charset=latin1", "*/*");
    /** Strings no store may keep: a NUL, and unpaired surrogates (JSON escapes, so the bytes are valid UTF-8). */
    private static final List<String> UNSTORABLE_TEXT = List.of("\\u0000", "web\\u0000", "\\ud800", "x\\udc00y",
            "\\ud800\\ud800");
    private static final String BROWSE_ANSWER = "{\"succeeded\":true,\"path\":\"/home\",\"path_encoded\":\"L2hvbWU=\","
            + "\"items\":[{\"name\":\"a.txt\",\"name_encoded\":\"YS50eHQ=\",\"bytes\":3,\"mime_type\":\"text/plain\"}]}";
    /** A request no agent was asked: even a body that happens to be valid is answered 404 and writes nothing. */
    private static final String UNKNOWN_REQUEST = "6c1d7e0a-9b2f-4c3e-8a4d-5f6e7a8b9c0d";
    private static final List<String> NOT_ALLOWED_METHODS = List.of("PUT", "OPTIONS", "PROPFIND", "FOO", "CONNECTX");

    private final String project = TestSessions.newProject().value();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private AgentEventsApp app;
    private HttpClientForTests http;
    private String agent;
    private String agentToken;
    private String tokenRequest;

    protected abstract AppConfig onStore(AppConfig config);

    /** How many requests a run sends unless {@code -Dfuzz.requests} says otherwise. */
    protected abstract int defaultRequests();

    @BeforeEach
    void start() throws Exception {
        AppConfig config = AppConfig.inMemory(0, List.of(new UserToken(new Secret(ADMIN), new ProjectId(project), Role.ADMIN)))
                .withServer(ServerSettings.defaults().withRateLimit(0)); // the parsers are under test, not the budget
        app = AgentEventsApp.start(onStore(config), Clock.systemUTC());
        http = new HttpClientForTests(app.port());
        logged.start();
        root.addAppender(logged);
        JsonNode registered = JSON.readTree(http.post("/v2/" + project + "/agents", ADMIN, REGISTRATION).body());
        agent = registered.get("id").asText();
        tokenRequest = DocumentedBodies.signIn(project, agent, registered.get("password").asText(), "fp-web-1");
        agentToken = JSON.readTree(http.post("/v2/" + project + "/agents/tokens", null, tokenRequest).body())
                .get("token").get("id").asText();
    }

    @AfterEach
    void stop() {
        app.close();
        root.detachAppender(logged);
    }

    @Test
    void malformedRequests_allGetA4xxWithTheJsonErrorBody_andChangeNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261127L);
        int count = Integer.getInteger("fuzz.requests", defaultRequests());
        Random random = new Random(seed);
        RawHttp raw = new RawHttp(app.port());
        String eventsBefore = projectEvents();
        Map<String, Integer> byKind = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        long started = System.nanoTime();

        for (int i = 0; i < count; i++) {
            Malformed request = next(random);
            String what = "request " + i + " (seed " + seed + ", " + request.kind() + "): "
                    + new String(request.bytes(), 0, Math.min(300, request.bytes().length), StandardCharsets.ISO_8859_1);
            RawHttp.Answer answer;
            try {
                answer = raw.exchange(request.bytes());
            } catch (AssertionError | java.io.IOException noAnswer) {
                throw new AssertionError(what + "\n" + noAnswer.getMessage(), noAnswer);
            }
            if (answer == null) {
                // A body whose chunked framing breaks after valid headers: Vert.x closes the
                // connection, as no answer can be framed on it. The server must simply go on.
                assertThat(request.kind()).as(what + "\nclosed without an answer").isEqualTo("raw-chunked");
                byKind.merge(request.kind(), 1, Integer::sum);
                byStatus.merge(0, 1, Integer::sum);
                continue;
            }
            assertThat(answer.status()).as(what + "\nanswered " + answer.body()).isBetween(400, 499);
            assertErrorBody(answer, what);
            byKind.merge(request.kind(), 1, Integer::sum);
            byStatus.merge(answer.status(), 1, Integer::sum);
        }

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("fuzz: %d malformed requests, seed %d, %d ms; by kind %s; by status %s%n",
                count, seed, took.toMillis(), byKind, byStatus);
        assertThat(projectEvents()).as("nothing written by malformed requests").isEqualTo(eventsBefore);
        List<ILoggingEvent> lines;
        synchronized (logged) { // the appender adds under its own lock, from the node's other threads too
            lines = new ArrayList<>(logged.list);
        }
        assertThat(lines).as("no malformed request is logged as a bug, answered or not")
                .noneMatch(line -> line.getLevel().isGreaterOrEqual(Level.ERROR));
        assertThat(http.post("/v2/" + project + "/events", ADMIN, ACTIVATE).statusCode()).isEqualTo(202);
        assertThat(http.get("/v2/" + project + "/agents/" + agent + "/events", agentToken).statusCode()).isEqualTo(200);
        assertThat(byStatus.keySet()).as("the suite reaches many kinds of refusal").contains(400, 401, 403, 404, 405, 413, 415);
    }

    private String projectEvents() {
        return http.get("/v2/" + project + "/events?limit=1000", ADMIN).body();
    }

    private static void assertErrorBody(RawHttp.Answer answer, String what) throws Exception {
        assertThat(answer.headers().get("content-type")).as(what).startsWith("application/json");
        assertThat(answer.headers()).as(what).containsKey("x-request-id");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("message").isTextual()).as(what + "\n" + answer.body()).isTrue();
        assertThat(body.path("errors").isArray()).as(what + "\n" + answer.body()).isTrue();
        assertThat(answer.body()).as(what).doesNotContain("Exception", "io.agentevents", "\tat ", "java.", "SQL",
                "jackson", "vertx", "netty");
    }

    record Malformed(String kind, byte[] bytes) {
    }

    /** A request an endpoint accepts, before it is broken. */
    private record Valid(String method, String path, String token, String body, List<String> fields, boolean queried,
                         List<String> textFields) {

        Valid(String method, String path, String token, String body, List<String> fields, boolean queried) {
            this(method, path, token, body, fields, queried, List.of());
        }
    }

    private List<Valid> endpoints() {
        String p = "/v2/" + project;
        String a = p + "/agents/" + agent;
        return List.of(
                new Valid("POST", p + "/events", ADMIN, ACTIVATE, List.of("event", "mode"), false),
                new Valid("POST", a + "/events", ADMIN, ACTIVATE, List.of("event", "mode"), false),
                new Valid("POST", a + "/events", agentToken, "{\"event\":\"heartbeat\",\"busy\":false}", List.of("event"), false),
                new Valid("POST", p + "/agents", ADMIN, REGISTRATION, List.of("name", "version", "host", "rsa_public_key"), false,
                        List.of("name", "version", "fingerprint", "region", "architecture")),
                new Valid("POST", p + "/agents/tokens", null, tokenRequest, List.of("id", "password", "host"), false,
                        List.of("fingerprint", "name", "version")),
                new Valid("PATCH", a, ADMIN, PATCH, List.of(), false),
                new Valid("GET", p + "/events", ADMIN, null, List.of(), true),
                new Valid("GET", a + "/events", agentToken, null, List.of(), true),
                new Valid("GET", a + "/status", ADMIN, null, List.of(), false),
                new Valid("GET", a + "/configuration", agentToken, null, List.of(), false),
                new Valid("GET", a, ADMIN, null, List.of(), false),
                new Valid("GET", p + "/agents", ADMIN, null, List.of(), false),
                new Valid("DELETE", a, ADMIN, null, List.of(), false),
                // Requests made of agents: a valid browse would write, so only its required path is broken;
                // the agent's vault is not encrypted, so any valid vault request is a 403.
                new Valid("POST", a + "/browse-requests", ADMIN, "{\"path\":\"/home\",\"path_encoded\":\"L2hvbWU=\"}",
                        List.of("path"), false, List.of("path", "path_encoded")),
                new Valid("POST", a + "/vault-password-verification-requests", ADMIN,
                        "{\"encrypted_password_hex\":\"00ff\",\"agent_id\":null}", List.of("encrypted_password_hex"), false,
                        List.of("encrypted_password_hex")),
                new Valid("POST", a + "/vault-encryption-requests", ADMIN,
                        "{\"old_encrypted_password_hex\":\"0a0b\",\"new_encrypted_password_hex\":\"0c0d\"}",
                        List.of("new_encrypted_password_hex"), false, List.of("new_encrypted_password_hex")),
                new Valid("POST", a + "/browse-requests/" + UNKNOWN_REQUEST, agentToken, BROWSE_ANSWER,
                        List.of("succeeded", "path", "items"), false, List.of("path", "name", "mime_type", "name_encoded")),
                new Valid("POST", a + "/vault-password-verification-requests/" + UNKNOWN_REQUEST, agentToken,
                        "{\"verified\":true}", List.of("verified"), false),
                new Valid("POST", a + "/vault-encryption-requests/" + UNKNOWN_REQUEST, agentToken,
                        "{\"action\":\"enabled\",\"succeeded\":true}", List.of("action", "succeeded"), false),
                new Valid("GET", a + "/browse-requests/" + UNKNOWN_REQUEST, ADMIN, null, List.of(), false),
                new Valid("POST", a + "/logfiles", ADMIN, null, List.of(), false),
                new Valid("GET", a + "/logfiles", ADMIN, null, List.of(), false),
                new Valid("PATCH", a + "/logfiles/" + UNKNOWN_REQUEST, agentToken,
                        "[{\"op\":\"replace\",\"path\":\"/state\",\"value\":\"started\"}]", List.of(), false),
                new Valid("DELETE", a + "/logfiles/" + UNKNOWN_REQUEST, ADMIN, null, List.of(), false));
    }

    private Malformed next(Random random) {
        List<Valid> endpoints = endpoints();
        Valid valid = endpoints.get(random.nextInt(endpoints.size()));
        List<String> kinds = new ArrayList<>(List.of("token", "path", "method", "raw", "content-type", "percent-path"));
        if (valid.token() != null) {
            kinds.add("project-header");
        }
        if (valid.body() != null) {
            kinds.addAll(List.of("truncated-json", "not-an-object", "oversized", "content-type", "bad-utf8", "deep-nesting",
                    "form-body", "undeclared-body"));
        }
        if (!valid.fields().isEmpty()) {
            kinds.addAll(List.of("wrong-type", "unknown-value", "missing-field"));
        }
        if (!valid.textFields().isEmpty()) {
            kinds.add("unstorable-text");
            kinds.add("unstorable-text");
        }
        if (valid.queried()) {
            kinds.add("query");
            kinds.add("query");
            kinds.add("percent-query");
        }
        String kind = kinds.get(random.nextInt(kinds.size()));
        if (kind.equals("token") && valid.token() == null) {
            kind = "path";
        }
        if (kind.equals("raw")) {
            int variant = random.nextInt(RAW_VARIANTS);
            return new Malformed(variant == RAW_BROKEN_CHUNKS ? "raw-chunked" : "raw", rawBroken(valid, variant, random));
        }
        return new Malformed(kind, build(kind, valid, random));
    }

    private byte[] build(String kind, Valid valid, Random random) {
        String method = valid.method();
        String path = valid.path();
        String token = valid.token();
        String contentType = pick(random, JSON_TYPES.toArray(String[]::new));
        byte[] body = valid.body() == null ? null : valid.body().getBytes(StandardCharsets.UTF_8);
        List<String> extraHeaders = new ArrayList<>();
        switch (kind) {
            case "token" -> token = pick(random, null, "", "no-such-token-" + random.nextInt(1_000_000),
                    randomPrintable(random, 1 + random.nextInt(300)));
            case "project-header" -> extraHeaders.add("X-Project-Id: " + pick(random, "other-project", "", project + "x"));
            case "path" -> path = brokenPath(valid, random);
            case "method" -> method = NOT_ALLOWED_METHODS.get(random.nextInt(NOT_ALLOWED_METHODS.size()));
            case "query" -> path = path + "?" + brokenQuery(path, random);
            case "truncated-json" -> body = java.util.Arrays.copyOf(body, random.nextInt(body.length));
            case "wrong-type" -> body = replaceField(valid, random, pick(random, "12", "[]", "{}", "true", "null", "-3.5e9",
                    "[\"active\"]")).getBytes(StandardCharsets.UTF_8);
            case "unknown-value" -> body = unknownValue(valid, random).getBytes(StandardCharsets.UTF_8);
            case "missing-field" -> body = removeField(valid, random).getBytes(StandardCharsets.UTF_8);
            case "not-an-object" -> body = pick(random, "[]", "\"agent_activate\"", "42", "null", "true", "[" + valid.body() + "]")
                    .getBytes(StandardCharsets.UTF_8);
            case "oversized" -> body = oversized(random);
            case "content-type" -> {
                contentType = pick(random, OTHER_TYPES.toArray(String[]::new));
                if (body == null && random.nextBoolean()) {
                    body = pick(random, "a=%zz", "{}", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n")
                            .getBytes(StandardCharsets.UTF_8);
                }
            }
            case "form-body" -> {
                boolean multipart = random.nextBoolean();
                contentType = multipart ? "multipart/form-data; boundary=x" : "application/x-www-form-urlencoded";
                body = (multipart ? "--x\r\nContent-Disposition: form-data; name=\"%zz\"; filename=\"a\"\r\n\r\n%\r\n--x"
                        : pick(random, "a=%zz", "%", "event=%E2%82&mode=%", "a=%G0&b=%%", "=%1")).getBytes(StandardCharsets.UTF_8);
            }
            case "undeclared-body" -> contentType = null;
            case "percent-path" -> path = brokenEscape(path, random);
            case "percent-query" -> path = path + "?" + pick(random, "marker=%zz", "limit=%", "sort_dir=%d", "%%=1",
                    "limit=10&marker=%G1", "%");
            case "unstorable-text" -> body = unstorableText(valid, random).getBytes(StandardCharsets.UTF_8);
            case "bad-utf8" -> body = badUtf8(valid, random);
            case "deep-nesting" -> body = ("{\"event\":" + "[".repeat(5_000 + random.nextInt(5_000))).getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalStateException(kind);
        }
        return request(method, path, token, contentType, body, extraHeaders);
    }

    private static byte[] request(String method, String path, String token, String contentType, byte[] body,
                                  List<String> extraHeaders) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        if (token != null) {
            head.append("X-Auth-Token: ").append(token).append("\r\n");
        }
        extraHeaders.forEach(header -> head.append(header).append("\r\n"));
        if (contentType != null && (body != null || kindDeclaresWithoutBody(contentType))) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            all.writeBytes(body);
        }
        return all.toByteArray();
    }

    /** Only a type other than JSON is declared on a request without a body: JSON there would be valid. */
    private static boolean kindDeclaresWithoutBody(String contentType) {
        return !JSON_TYPES.contains(contentType);
    }

    /** The path with a '%' that is not followed by two hex digits, somewhere in it. */
    private static String brokenEscape(String path, Random random) {
        String escape = pick(random, "%", "%z", "%zz", "%2", "%G0", "%%");
        int cut = path.lastIndexOf('/') + 1 + random.nextInt(2);
        cut = Math.min(cut, path.length());
        return path.substring(0, cut) + escape + path.substring(cut);
    }

    /** The valid body with one of its text fields, wherever it sits, replaced by text no store may keep. */
    private static String unstorableText(Valid valid, Random random) {
        String field = valid.textFields().get(random.nextInt(valid.textFields().size()));
        String text = UNSTORABLE_TEXT.get(random.nextInt(UNSTORABLE_TEXT.size()));
        String body = valid.body();
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
        if (!value.find()) {
            throw new IllegalStateException("no text field " + field + " in " + body);
        }
        return body.substring(0, value.start(1)) + text + body.substring(value.end(1));
    }

    private String brokenPath(Valid valid, Random random) {
        String path = valid.path();
        return switch (random.nextInt(6)) {
            case 0 -> path.replace("/v2/" + project, "/v2/" + pick(random, "a".repeat(65), "bad.project", "b%20c", "%7E~",
                    "x%00y", "%E2%82%AC"));
            case 1 -> path.contains("/agents/" + agent) ? path.replace(agent, pick(random, "not-a-uuid", agent + "0", "12345",
                    UUID.randomUUID().toString(), "%00")) : path + "/" + random.nextInt(1000);
            case 2 -> path + "/" + pick(random, "extra", "x/y", "eventz", "%2F");
            case 3 -> path.replace("/v2/", pick(random, "/v3/", "/v1/", "/V2/", "/"));
            case 4 -> path.replace("/v2/" + project, "/v2/unknown-" + random.nextInt(1_000_000));
            default -> "/" + randomPathSegment(random) + "/" + randomPathSegment(random);
        };
    }

    private static String brokenQuery(String path, Random random) {
        List<String> broken = new ArrayList<>(List.of(
                "limit=" + pick(random, "0", "-1", "1001", "abc", "1.5", "", "99999999999", "1e3", "%00"),
                "marker=" + pick(random, "-1", "abc", "99999999999999999999999", "1e3", "", "0x10", "%20"),
                "sort_dir=" + pick(random, "up", "", "1", "descending", "%FF"),
                "limit=1&limit=2"));
        if (path.endsWith("/events") && path.contains("/agents/")) {
            broken.add("wait=" + pick(random, "31", "-1", "x", "100", "", "1.5", "030"));
        }
        return broken.get(random.nextInt(broken.size()));
    }

    private static String replaceField(Valid valid, Random random, String value) {
        String field = valid.fields().get(random.nextInt(valid.fields().size()));
        try {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(valid.body());
            JsonNode replacement = JSON.readTree(value);
            if (field.equals("host") && replacement.isTextual()) {
                replacement = JSON.readTree("12"); // a text host is still not an object
            }
            node.set(field, replacement);
            String result = node.toString();
            if (result.equals(valid.body()) || (field.equals("event") || field.equals("mode"))
                    && isValidChoice(field, replacement)) {
                node.set(field, JSON.readTree("12"));
                result = node.toString();
            }
            return result;
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A text no enumerated field accepts (free-text fields like a name accept any text, so they are left alone). */
    private static String unknownValue(Valid valid, Random random) {
        List<String> enumerated = valid.fields().stream()
                .filter(field -> List.of("event", "mode", "id").contains(field)).toList();
        Valid narrowed = new Valid(valid.method(), valid.path(), valid.token(), valid.body(),
                enumerated.isEmpty() ? valid.fields() : enumerated, valid.queried());
        String text = enumerated.isEmpty() ? "12" : JSON.valueToTree(randomPrintable(random, random.nextInt(40))).toString();
        return replaceField(narrowed, random, text);
    }

    private static boolean isValidChoice(String field, JsonNode value) {
        List<String> valid = field.equals("mode") ? List.of("idle", "active", "real_time")
                : List.of("agent_activate", "heartbeat", "startup", "shutdown");
        return value.isTextual() && valid.contains(value.asText());
    }

    private static String removeField(Valid valid, Random random) {
        String field = valid.fields().get(random.nextInt(valid.fields().size()));
        try {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(valid.body());
            node.remove(field);
            return node.toString();
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] oversized(Random random) {
        int size = 64 * 1024 + 1 + random.nextInt(200_000);
        String filler = "x".repeat(size);
        return ("{\"event\":\"agent_activate\",\"mode\":\"active\",\"pad\":\"" + filler + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** The valid body with bytes that are not UTF-8 inside its first string. */
    private static byte[] badUtf8(Valid valid, Random random) {
        byte[] body = valid.body().getBytes(StandardCharsets.UTF_8);
        int quote = valid.body().indexOf('"') + 1;
        byte[] bad = pick(random, new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xC3}, new byte[]{(byte) 0xE2, (byte) 0x82},
                new byte[]{(byte) 0x80, (byte) 0x80}, new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(body, 0, quote);
        all.writeBytes(bad);
        all.write(body, quote, body.length - quote);
        return all.toByteArray();
    }

    private static final int RAW_VARIANTS = 7;
    private static final int RAW_BROKEN_CHUNKS = 4;

    private static byte[] rawBroken(Valid valid, int variant, Random random) {
        String line = valid.method() + " " + valid.path() + " HTTP/1.1\r\n";
        String headers = "Host: localhost\r\nConnection: close\r\n";
        String text = switch (variant) {
            case 0 -> valid.method() + " " + valid.path() + "\r\n" + headers + "\r\n"; // no version
            case 1 -> line + "Host: localhost\r\nBroken header without colon\r\n\r\n";
            case 2 -> line + headers + "X-Big: " + "b".repeat(17 * 1024 + random.nextInt(10_000)) + "\r\n\r\n";
            case 3 -> valid.method() + " " + valid.path() + "?" + "q".repeat(5_000 + random.nextInt(5_000)) + " HTTP/1.1\r\n"
                    + headers + "\r\n";
            case 4 -> line + headers + "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n"
;
            case 5 -> "\u0001\u0002 garbage \u0003\r\n\r\n";
            default -> line + "Host: local host\u0000\r\nX Bad Name: 1\r\nConnection: close\r\n\r\n";
        };
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String randomPrintable(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x7E - 0x21)));
        }
        return text.toString();
    }

    private static String randomPathSegment(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_~%";
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i <= random.nextInt(20); i++) {
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            segment.append(c == '%' ? "%25" : String.valueOf(c));
        }
        return segment.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
