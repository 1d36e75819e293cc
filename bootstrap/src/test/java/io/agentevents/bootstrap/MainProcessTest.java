package io.agentevents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.adapter.postgres.TestDatabase;
import io.agentevents.domain.TestSessions;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code main} as a real process: exit codes, help, the demo token, SIGTERM and SIGKILL. */
class MainProcessTest {

    @TempDir
    Path directory;

    @Test
    void unknownOption_printsOneLineAndExitsWith2() throws Exception {
        try (ServiceProcess service = ServiceProcess.launch(Map.of(), "--bogus")) {
            assertThat(service.awaitExit()).isEqualTo(2);
            assertThat(service.stderr().strip().lines()).singleElement().asString().contains("unknown option: '--bogus'; see --help");
        }
    }

    @Test
    void badValue_exitsWith2() throws Exception {
        try (ServiceProcess service = ServiceProcess.launch(Map.of("ACTIVATION_TTL", "soon"))) {
            assertThat(service.awaitExit()).isEqualTo(2);
            assertThat(service.stderr()).contains("--activation-ttl must be a duration");
        }
    }

    @Test
    void help_listsEveryOptionAndExitsWith0() throws Exception {
        try (ServiceProcess service = ServiceProcess.launch(Map.of(), "--help")) {
            assertThat(service.awaitExit()).isZero();
            assertThat(service.stdout()).contains("--port", "--tokens-file", "--activation-ttl", "--event-retention",
                    "--database-url", "DATABASE_PASSWORD");
        }
    }

    @Test
    void version_isTheNewestReleaseInTheChangelog_andExitsWith0() throws Exception {
        String newest = Files.readAllLines(Path.of("../CHANGELOG.md")).stream()
                .filter(line -> line.startsWith("## ")).findFirst().orElseThrow()
                .replaceAll("^## (\\S+).*", "$1");
        try (ServiceProcess service = ServiceProcess.launch(Map.of(), "--version")) {
            assertThat(service.awaitExit()).isZero();
            assertThat(service.stdout().strip()).matches("agent-events \\Q" + newest + "\\E(-SNAPSHOT)?");
        }
    }

    @Test
    void simulateHelp_listsItsOptionsAndExitsWith0() throws Exception {
        try (ServiceProcess service = ServiceProcess.launch(Map.of(), "simulate", "--help")) {
            assertThat(service.awaitExit()).isZero();
            assertThat(service.stdout()).contains("--url", "--project", "--token", "--agents", "--duration", "--keep-mode",
                    "--activate-agents", "--browse-agents", "--state-file");
        }
    }

    @Test
    void unreachableDatabase_exitsWith1AndSaysWhy() throws Exception {
        try (ServiceProcess service = ServiceProcess.launch(Map.of("DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:1/none?user=postgres", "DB_TIMEOUT", "500ms"), "--port", "0")) {
            assertThat(service.awaitExit()).isEqualTo(1);
            assertThat(service.stderr()).contains("cannot connect to PostgreSQL");
        }
    }

    @Test
    void logFormatJson_writesEachLineAsAJsonObject_withTheAccessFields() throws Exception {
        try (ServiceProcess service = ServiceProcess.launch(Map.of("LOG_FORMAT", "json"), "--port", "0").awaitListening(true)) {
            HttpClientForTests http = new HttpClientForTests(service.port());
            assertThat(http.post("/v2/demo/events", service.demoToken(), "{\"event\":\"agent_activate\",\"mode\":\"active\"}")
                    .statusCode()).isEqualTo(202);
            // The access line is written after the answer, through a queue: let it reach the output before stopping.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (service.output().stream().noneMatch(line -> line.contains("io.agentevents.access"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            service.process().destroy();
            assertThat(service.awaitExit()).isZero();

            List<String> logLines = service.outputAfterExit().stream().filter(line -> line.startsWith("{")).toList();
            ObjectMapper json = new ObjectMapper();
            for (String line : logLines) {
                assertThat(json.readTree(line).has("level")).as(line).isTrue();
            }
            JsonNode access = logLines.stream().map(line -> parse(json, line))
                    .filter(line -> line.path("loggerName").asText().equals("io.agentevents.access"))
                    .findFirst().orElseThrow(() -> new AssertionError("no access line in " + logLines));
            assertThat(access.get("kvpList").toString()).contains("\"route\":\"/v2/:project/events\"",
                    "\"status\":\"202\"", "\"project\":\"demo\"", "\"request_id\"", "\"duration_ms\"");
            assertThat(String.join("\n", logLines)).doesNotContain(service.demoToken());
        }
    }

    private static JsonNode parse(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (java.io.IOException notJson) {
            throw new AssertionError("not a JSON line: " + line, notJson);
        }
    }

    @Test
    void withoutTokensFile_printsADemoTokenThatWorks_andStopsCleanlyOnSigterm() throws Exception {
        try (ServiceProcess service = ServiceProcess.launch(Map.of(), "--port", "0").awaitListening(true)) {
            HttpClientForTests http = new HttpClientForTests(service.port());
            assertThat(http.post("/v2/demo/events", service.demoToken(), "{\"event\":\"agent_activate\",\"mode\":\"active\"}")
                    .statusCode()).isEqualTo(202);
            String dashboard = "http://localhost:" + service.port() + "/dashboard/";
            assertThat(service.output()).anySatisfy(line -> assertThat(line).contains(dashboard));
            assertThat(http.get("/dashboard/", null).statusCode()).as("the page the line names").isEqualTo(200);

            service.process().destroy();
            assertThat(service.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(service.process().exitValue()).isZero();
        }
    }

    @Test
    void aRequestAcknowledgedWith202_andItsAnswerWith204_surviveKillDashNine() throws Exception {
        String schema = TestDatabase.newSchema(MainProcessTest.class);
        try {
            String project = TestSessions.newProject().value();
            String admin = "kill-nine-request-admin-token";
            Path tokens = Files.writeString(directory.resolve("tokens"), admin + " " + project + " admin\n");
            Map<String, String> environment = Map.of("DATABASE_URL", TestDatabase.urlWithSchema(schema),
                    "TOKENS_FILE", tokens.toString());
            HttpClientForTests.SignedInAgent agent;
            String answer;
            try (ServiceProcess first = ServiceProcess.launch(environment, "--port", "0").awaitListening(false)) {
                HttpClientForTests http = new HttpClientForTests(first.port());
                agent = HttpClientForTests.registerAndSignIn(http, http, project, admin, "files-1");
                HttpResponse<String> asked = http.post("/v2/" + project + "/agents/" + agent.id() + "/browse-requests",
                        admin, "{\"path\":\"/etc\"}");
                assertThat(asked.statusCode()).isEqualTo(202);
                answer = asked.headers().firstValue("Location").orElseThrow().replaceFirst("^http://localhost:\\d+", "");
                killDashNine(first);
            }
            try (ServiceProcess second = ServiceProcess.launch(environment, "--port", "0").awaitListening(false)) {
                HttpClientForTests http = new HttpClientForTests(second.port());
                String feed = http.get("/v2/" + project + "/agents/" + agent.id() + "/events", agent.token()).body();
                assertThat(feed).as("the request, heard after the kill").contains("\"event\":\"host_browse\"", "\"/etc\"");
                assertThat(http.post(answer, agent.token(), "{\"succeeded\":true,\"path\":\"/etc\",\"items\":[{\"name\":"
                        + "\"hosts\",\"bytes\":9,\"mime_type\":\"text/plain\"}]}").statusCode()).isEqualTo(204);
                killDashNine(second);
            }
            try (ServiceProcess third = ServiceProcess.launch(environment, "--port", "0").awaitListening(false)) {
                HttpClientForTests http = new HttpClientForTests(third.port());
                HttpResponse<String> result = http.get(answer, admin);
                assertThat(result.statusCode()).as("the answer, read after the kill").isEqualTo(200);
                assertThat(result.body()).contains("\"hosts\"");
            }
        } finally {
            TestDatabase.dropSchema(schema);
        }
    }

    private static void killDashNine(ServiceProcess service) throws InterruptedException {
        service.process().destroyForcibly();
        assertThat(service.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(service.process().exitValue()).isEqualTo(137);
    }

    @Test
    void activationAcknowledgedWith202_survivesKillDashNine() throws Exception {
        String schema = TestDatabase.newSchema(MainProcessTest.class);
        try {
            String project = TestSessions.newProject().value();
            Path tokens = Files.writeString(directory.resolve("tokens"), "kill-nine-admin-token " + project + " admin\n");
            Map<String, String> environment = Map.of("DATABASE_URL", TestDatabase.urlWithSchema(schema),
                    "TOKENS_FILE", tokens.toString());
            try (ServiceProcess first = ServiceProcess.launch(environment, "--port", "0").awaitListening(false)) {
                HttpClientForTests http = new HttpClientForTests(first.port());
                assertThat(http.post("/v2/" + project + "/events", "kill-nine-admin-token",
                        "{\"event\":\"agent_activate\",\"mode\":\"real_time\"}").statusCode()).isEqualTo(202);
                first.process().destroyForcibly();
                assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(first.process().exitValue()).isEqualTo(137);
            }
            try (ServiceProcess second = ServiceProcess.launch(environment, "--port", "0").awaitListening(false)) {
                HttpClientForTests http = new HttpClientForTests(second.port());
                String events = http.get("/v2/" + project + "/events", "kill-nine-admin-token").body();
                assertThat(events).contains("\"event\":\"agent_activate\"", "\"mode\":\"real_time\"");
            }
        } finally {
            TestDatabase.dropSchema(schema);
        }
    }
}
