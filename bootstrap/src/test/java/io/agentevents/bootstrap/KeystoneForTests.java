package io.agentevents.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentevents.adapter.postgres.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenStack Keystone (Debian's package) for one test class: its own database on the test
 * PostgreSQL server, Fernet keys under a temporary directory, its public API on a free port. It
 * can be stopped and started again, and drops its database when closed. Starting fails loudly,
 * with what Keystone printed, when it cannot run; {@code .ci/install-keystone.sh} installs it.
 */
final class KeystoneForTests implements AutoCloseable {

    static final String ADMIN_PASSWORD = "keystone-admin-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);
    private static final String DATABASE_PREFIX = "ae_keystone_";

    private final Path directory;
    private final Path config;
    private final String database;
    private final int port;
    private HttpClient http;
    private final Map<String, String> roleIds = new HashMap<>();
    private Process server;
    private String adminToken;

    private KeystoneForTests(Path directory, String database, int port) {
        this.directory = directory;
        this.config = directory.resolve("keystone.conf");
        this.database = database;
        this.port = port;
    }

    static KeystoneForTests start(Class<?> testClass) {
        requireInstalled();
        String owner = testClass.getSimpleName().toLowerCase(Locale.ROOT);
        dropLeftovers(DATABASE_PREFIX + owner + "_");
        String database = DATABASE_PREFIX + owner + "_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            KeystoneForTests keystone = new KeystoneForTests(Files.createTempDirectory("keystone-"), database, freePort());
            executeOnServer("CREATE DATABASE " + database);
            keystone.install();
            keystone.startServer();
            keystone.adminToken = keystone.token("admin", ADMIN_PASSWORD, "admin");
            return keystone;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The identity v3 endpoint, as the service is given it. */
    String url() {
        return "http://127.0.0.1:" + port + "/v3";
    }

    private void install() throws IOException {
        Files.createDirectories(directory.resolve("fernet"));
        Files.createDirectories(directory.resolve("credential"));
        Files.writeString(config, """
                [DEFAULT]
                log_file = %1$s/keystone.log
                [database]
                connection = %2$s
                [token]
                provider = fernet
                [fernet_tokens]
                key_repository = %1$s/fernet
                [fernet_receipts]
                key_repository = %1$s/fernet
                [credential]
                key_repository = %1$s/credential
                """.formatted(directory, sqlAlchemyUrl(database)));
        manage("db_sync");
        manage("fernet_setup", "--keystone-user", "root", "--keystone-group", "root");
        manage("credential_setup", "--keystone-user", "root", "--keystone-group", "root");
        manage("bootstrap", "--bootstrap-password", ADMIN_PASSWORD, "--bootstrap-public-url", url() + "/");
    }

    private void manage(String... arguments) {
        List<String> command = Stream.concat(Stream.of("keystone-manage", "--config-file", config.toString()),
                Stream.of(arguments)).toList();
        Path output = directory.resolve("keystone-manage-" + arguments[0] + ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("keystone-manage " + arguments[0] + " did not finish within " + STEP_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("keystone-manage " + arguments[0] + " failed (exit " + process.exitValue()
                        + "):\n" + tail(output));
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while setting up Keystone", interrupted);
        }
    }

    /** Starts its public API (again, after {@link #stop}) and returns once it answers. */
    void startServer() {
        // A fresh client: connections kept to a stopped server would fail the first calls after it.
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Path output = directory.resolve("server.out");
        ProcessBuilder builder = new ProcessBuilder("keystone-wsgi-public", "--host", "127.0.0.1",
                "--port", Integer.toString(port)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().put("OS_KEYSTONE_CONFIG_FILES", config.toString());
        try {
            server = builder.start();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("keystone-wsgi-public exited (" + server.exitValue() + "):\n" + tail(output));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url())).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while Keystone started", interrupted);
            }
            pause();
        }
        throw new AssertionError("Keystone did not answer on " + url() + " within a minute:\n" + tail(output));
    }

    /** Stops its public API, as an outage would; its data stays. Returns once it no longer listens. */
    void stop() {
        server.destroy();
        try {
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    String createProject(String name) {
        return call("POST", "/projects", Map.of("project", Map.of("name", name, "domain_id", "default")))
                .get("project").get("id").asText();
    }

    String createUser(String name, String password) {
        return call("POST", "/users", Map.of("user", Map.of("name", name, "password", password, "domain_id", "default")))
                .get("user").get("id").asText();
    }

    /** Gives the user the role (created if Keystone has none of that name) on the project. */
    void grant(String projectId, String userId, String roleName) {
        String roleId = roleIds.computeIfAbsent(roleName, this::roleId);
        call("PUT", "/projects/" + projectId + "/users/" + userId + "/roles/" + roleId, null);
    }

    private String roleId(String name) {
        JsonNode found = call("GET", "/roles?name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), null)
                .get("roles");
        if (found.size() > 0) {
            return found.get(0).get("id").asText();
        }
        return call("POST", "/roles", Map.of("role", Map.of("name", name))).get("role").get("id").asText();
    }

    /** A project-scoped token of the user, from Keystone's own sign-in. */
    String token(String user, String password, String projectName) {
        Map<String, Object> domain = Map.of("id", "default");
        Map<String, Object> body = Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("password"),
                        "password", Map.of("user", Map.of("name", user, "password", password, "domain", domain))),
                "scope", Map.of("project", Map.of("name", projectName, "domain", domain))));
        HttpResponse<String> response = send("POST", "/auth/tokens?nocatalog", write(body), null);
        if (response.statusCode() != 201) {
            throw new AssertionError("Keystone refused to sign in " + user + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    /** Revokes a token, as signing out or an administrator does. */
    void revoke(String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/auth/tokens"))
                .header("X-Auth-Token", adminToken).header("X-Subject-Token", token).DELETE().build();
        int status = sendRaw(request).statusCode();
        if (status != 204) {
            throw new AssertionError("Keystone did not revoke the token: " + status);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private JsonNode call(String method, String path, Object body) {
        HttpResponse<String> response = send(method, path, body == null ? null : write(body), adminToken);
        if (response.statusCode() >= 300) {
            throw new AssertionError("Keystone " + method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return sendRaw(request.build());
    }

    private HttpResponse<String> sendRaw(HttpRequest request) {
        try {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException stale) {
                // Keystone's wsgiref server closes every connection after its answer; the client may
                // have picked one it had not yet seen closed. Once more, on a new connection.
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while calling Keystone", interrupted);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
        executeOnServer("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it eventually
        }
    }

    private static void requireInstalled() {
        if (!Files.isExecutable(Path.of("/usr/bin/keystone-manage")) || !Files.isExecutable(Path.of("/usr/bin/keystone-wsgi-public"))) {
            throw new AssertionError("Keystone is needed for this test and is not installed; run .ci/install-keystone.sh "
                    + "(Debian's keystone and python3-psycopg2 packages)");
        }
    }

    /** Databases an earlier run of the same class left when it was killed. */
    private static void dropLeftovers(String prefix) {
        try (Connection connection = DriverManager.getConnection(TestDatabase.URL);
             Statement statement = connection.createStatement();
             var found = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + prefix + "%'")) {
            List<String> leftovers = new java.util.ArrayList<>();
            while (found.next()) {
                leftovers.add(found.getString(1));
            }
            for (String leftover : leftovers) {
                statement.execute("DROP DATABASE IF EXISTS " + leftover + " WITH (FORCE)");
            }
        } catch (SQLException unreachable) {
            throw unreachable(unreachable);
        }
    }

    private static void executeOnServer(String sql) {
        try (Connection connection = DriverManager.getConnection(TestDatabase.URL);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException unreachable) {
            throw unreachable(unreachable);
        }
    }

    private static AssertionError unreachable(SQLException cause) {
        return new AssertionError("PostgreSQL is needed for Keystone's database and is not reachable at "
                + TestDatabase.URL + " (" + cause.getMessage() + ")", cause);
    }

    /** The test server's address as SQLAlchemy names it, with Keystone's own database. */
    private static String sqlAlchemyUrl(String database) {
        URI jdbc = URI.create(TestDatabase.URL.substring("jdbc:".length()));
        Map<String, String> query = new HashMap<>();
        if (jdbc.getRawQuery() != null) {
            for (String pair : jdbc.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        String user = query.getOrDefault("user", "postgres");
        String password = query.containsKey("password") ? ":" + query.get("password") : "";
        int port = jdbc.getPort() > 0 ? jdbc.getPort() : 5432;
        return "postgresql://" + user + password + "@" + jdbc.getHost() + ":" + port + "/" + database;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path output) {
        try {
            List<String> lines = Files.readAllLines(output);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException unreadable) {
            return "(no output: " + unreadable.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
