package io.agentevents.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.ConfigException;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.bootstrap.simulate.SimulateOptions;
import io.agentevents.bootstrap.simulate.SimulationException;
import io.agentevents.bootstrap.simulate.Simulator;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static io.agentevents.bootstrap.HttpClientForTests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator against a real in-process service: agents come online and follow an activation. */
class SimulatorTest {

    private static final String TOKEN = "simulator-admin-token-0001";

    @TempDir
    Path directory;

    private final String project = TestSessions.newProject().value();
    /** Three more projects, each with its own token, for a fleet spread over projects. */
    private final List<String> projects = List.of(TestSessions.newProject().value(), TestSessions.newProject().value(),
            TestSessions.newProject().value());
    private AgentEventsApp app;
    private HttpClientForTests http;

    private static String tokenOf(String project) {
        return "simulator-token-of-" + project;
    }

    @BeforeEach
    void start() {
        List<UserToken> tokens = new java.util.ArrayList<>(List.of(new UserToken(new Secret(TOKEN), new ProjectId(project),
                Role.ADMIN)));
        projects.forEach(other -> tokens.add(new UserToken(new Secret(tokenOf(other)), new ProjectId(other), Role.ADMIN)));
        app = AgentEventsApp.start(AppConfig.inMemory(0, tokens), Clock.systemUTC());
        http = new HttpClientForTests(app.port());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private SimulateOptions options(int agents, Duration duration) {
        return new SimulateOptions(URI.create("http://127.0.0.1:" + app.port()), project, TOKEN, agents,
                Optional.of(duration), directory.resolve("state.json"));
    }

    @Test
    void agents_comeOnline_followAnActivation_andAreReusedNextRun() throws Exception {
        // Active agents poll every second, so they see the real_time activation within the run.
        assertThat(http.post("/v2/" + project + "/events", TOKEN, "{\"event\":\"agent_activate\",\"mode\":\"active\"}")
                .statusCode()).isEqualTo(202);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<String> summary = runner.submit(() -> new Simulator(options(3, Duration.ofSeconds(8)),
                    new PrintStream(printed, true, StandardCharsets.UTF_8)).run(new CountDownLatch(1)));
            awaitOnline(3);
            assertThat(http.post("/v2/" + project + "/events", TOKEN, "{\"event\":\"agent_activate\",\"mode\":\"real_time\"}")
                    .statusCode()).isEqualTo(202);

            String result = summary.get();
            assertThat(result).contains("summary: 3 agents", "3 online at the end", " 0 errors", "(3 seen)",
                    "the service shows 3 of 3 online");
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("registering 3 new agents", "online=3");
        } finally {
            runner.shutdownNow();
        }
        assertThat(Files.readString(directory.resolve("state.json"))).contains("sim-", "\"token\"");

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        String second = new Simulator(options(3, Duration.ofSeconds(1)), new PrintStream(again, true, StandardCharsets.UTF_8))
                .run(new CountDownLatch(1));
        assertThat(second).contains("summary: 3 agents");
        assertThat(again.toString(StandardCharsets.UTF_8)).doesNotContain("registering");
        assertThat(json(http.get("/v2/" + project + "/agents", TOKEN)).get("agents")).hasSize(3);
    }

    @Test
    void aFleetOverTheProjectsOfATokensFile_sharesFewConnectionsFromSeveralAddresses_andAPanelWakesProjects()
            throws Exception {
        Path tokens = Files.writeString(directory.resolve("tokens"), "# the service's own file\n"
                + tokenOf(projects.get(0)) + " " + projects.get(0) + " admin\n"
                + tokenOf(projects.get(1)) + " " + projects.get(1) + " creator\n"
                + "an-observer-cannot-register " + projects.get(1) + " observer\n"
                + tokenOf(projects.get(2)) + " " + projects.get(2) + " ADMIN\n");
        SimulateOptions options = SimulateOptions.parse(List.of("--url", "http://127.0.0.1:" + app.port(),
                "--tokens-file", tokens.toString(), "--agents", "7", "--duration", "4s", "--connections", "3",
                "--source-addresses", "127.0.0.2, 127.0.0.3", "--wake-projects", "50",
                "--state-file", directory.resolve("fleet.json").toString())).orElseThrow();
        assertThat(options.tenants()).extracting(SimulateOptions.Tenant::project).containsExactlyElementsOf(projects);

        String summary = new Simulator(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run(new CountDownLatch(1));

        assertThat(summary).contains("summary: 7 agents", " 0 errors", "check-in p50", "1 project activations by the panel",
                "the service shows 7 of 7 online");
        assertThat(projects).extracting(each -> json(http.get("/v2/" + each + "/agents", tokenOf(each))).get("agents").size())
                .as("agent i in project i mod 3").containsExactly(3, 2, 2);
        assertThat(json(http.get("/v2/" + projects.get(0) + "/events?sort_dir=desc&limit=100", tokenOf(projects.get(0))))
                .get("events").findValuesAsText("event")).as("the panel woke the first project").contains("agent_activate");
        assertThat(Files.readString(directory.resolve("fleet.json"))).contains(projects.get(2));
        String again = new Simulator(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run(new CountDownLatch(1));
        assertThat(again).contains("summary: 7 agents", " 0 errors");
        assertThat(json(http.get("/v2/" + projects.get(0) + "/agents", tokenOf(projects.get(0)))).get("agents"))
                .as("reused from the state file, per project").hasSize(3);
    }

    @Test
    void wrongToken_failsWithAClearMessage() {
        SimulateOptions wrong = new SimulateOptions(URI.create("http://127.0.0.1:" + app.port()), project, "nope", 1,
                Optional.of(Duration.ofSeconds(1)), directory.resolve("state.json"));

        assertThatThrownBy(() -> new Simulator(wrong, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).run(new CountDownLatch(1)))
                .isInstanceOf(SimulationException.class).hasMessageContaining("401");
    }

    @Test
    void options_areCheckedAndHelpListsThem() {
        assertThat(SimulateOptions.parse(List.of("--help"))).isEmpty();
        assertThat(SimulateOptions.usage()).contains("--url", "--project", "--token", "--agents", "--duration", "--state-file",
                "--keep-mode", "--activate-agents");
        assertThatThrownBy(() -> SimulateOptions.parse(List.of("--url", "http://x:1", "--project", "p", "--token", "t")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("simulate: missing required option: '--agents=N'; see simulate --help");
        assertThatThrownBy(() -> SimulateOptions.parse(List.of("--url", "ftp://x", "--project", "p", "--token", "t",
                "--agents", "1"))).isInstanceOf(ConfigException.class).hasMessageContaining("http://host:port");
        assertThatThrownBy(() -> SimulateOptions.parse(List.of("--url", "http://x:1", "--project", "p", "--token", "t",
                "--agents", "0"))).isInstanceOf(ConfigException.class).hasMessageContaining("--agents must be");
        assertThat(SimulateOptions.parse(List.of("--url", "http://x:1/", "--project", "p", "--token", "t", "--agents", "5",
                "--duration", "30s")).orElseThrow().duration()).contains(Duration.ofSeconds(30));
        SimulateOptions full = SimulateOptions.parse(List.of("--url", "http://a:1, http://b:2/", "--project", "p",
                "--token", "t", "--agents", "5", "--keep-mode", "real_time", "--activate-agents", "2.5")).orElseThrow();
        assertThat(full.urls()).containsExactly(URI.create("http://a:1"), URI.create("http://b:2"));
        assertThat(full.keepMode()).contains("real_time");
        assertThat(full.activationsPerSecond()).isEqualTo(2.5);
        assertThatThrownBy(() -> SimulateOptions.parse(List.of("--url", "http://x:1", "--project", "p", "--token", "t",
                "--agents", "1", "--keep-mode", "fast"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--keep-mode must be one of idle, active, real_time");
        assertThatThrownBy(() -> SimulateOptions.parse(List.of("--url", "http://x:1", "--project", "p", "--token", "t",
                "--agents", "1", "--activate-agents", "NaN"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--activate-agents must be");
        assertThatThrownBy(() -> SimulateOptions.parse(List.of("--url", "http://x:1", "--agents", "1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("give --project and --token, or --tokens-file");
        assertThatThrownBy(() -> SimulateOptions.parse(List.of("--url", "http://x:1", "--agents", "1", "--project", "p",
                "--tokens-file", "t"))).isInstanceOf(ConfigException.class).hasMessageContaining("leave out --project");
        assertThatThrownBy(() -> SimulateOptions.parse(List.of("--url", "http://x:1", "--agents", "1",
                "--tokens-file", directory.resolve("missing").toString()))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot read --tokens-file");
        for (String[] bad : new String[][] {{"--connections", "0", "--connections must be a number from 1 to 16000"},
                {"--connections", "16001", "--connections must be"}, {"--wake-projects", "0", "--wake-projects must be"},
                {"--wake-projects", "101", "--wake-projects must be"},
                {"--source-addresses", "127.0.0.1,localhost", "'localhost' is not an IP address"}}) {
            assertThatThrownBy(() -> SimulateOptions.parse(List.of("--url", "http://x:1", "--project", "p", "--token", "t",
                    "--agents", "1", bad[0], bad[1]))).isInstanceOf(ConfigException.class).hasMessageContaining(bad[2]);
        }
        SimulateOptions shared = SimulateOptions.parse(List.of("--url", "http://x:1", "--project", "p", "--token", "t",
                "--agents", "100000", "--connections", "500", "--source-addresses", "127.0.0.2,::1")).orElseThrow();
        assertThat(shared.connections()).isEqualTo(new SimulateOptions.Connections(500, List.of("127.0.0.2", "::1")));
        assertThat(full.connections()).as("by default two connections an agent and 64 more, at most 4096")
                .isEqualTo(SimulateOptions.Connections.DEFAULT);
    }

    @Test
    void keptInRealTime_agentsLongPoll_andTheDelaysOfBothKindsOfActivationAreReported() throws Exception {
        URI node = URI.create("http://127.0.0.1:" + app.port());
        // The same node twice: the driver posts through "the other node" even with one service.
        SimulateOptions options = new SimulateOptions(List.of(node, node), project, TOKEN, 4,
                Optional.of(Duration.ofSeconds(5)), directory.resolve("state.json"), Optional.of("real_time"), 10, 0);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        String summary;
        try {
            Future<String> running = runner.submit(() -> new Simulator(options,
                    new PrintStream(printed, true, StandardCharsets.UTF_8)).run(new CountDownLatch(1)));
            awaitOnline(4);
            // The driver renews the mode every 30 s, after this run: one project-wide activation by hand.
            assertThat(http.post("/v2/" + project + "/events", TOKEN, "{\"event\":\"agent_activate\",\"mode\":\"real_time\"}")
                    .statusCode()).isEqualTo(202);
            summary = running.get();
        } finally {
            runner.shutdownNow();
        }

        assertThat(summary).contains("summary: 4 agents", " 0 errors", "long-poll, one agent p50",
                "long-poll, project-wide p50", "the service shows 4 of 4 online");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("modes={real_time=4}");
    }

    @Test
    void theAgentsAnswerWhatTheyAreAsked_andTheBrowseRoundTripIsReported() throws Exception {
        URI node = URI.create("http://127.0.0.1:" + app.port());
        SimulateOptions options = new SimulateOptions(List.of(node, node), project, TOKEN, 3,
                Optional.of(Duration.ofSeconds(6)), directory.resolve("state.json"), Optional.of("real_time"), 0, 5);
        ExecutorService runner = Executors.newSingleThreadExecutor();
        String summary;
        try {
            Future<String> running = runner.submit(() -> new Simulator(options, new PrintStream(new ByteArrayOutputStream(),
                    true, StandardCharsets.UTF_8)).run(new CountDownLatch(1)));
            awaitOnline(3);
            String agent = json(http.get("/v2/" + project + "/agents", TOKEN)).get("agents").get(0).get("id").asText();
            String agentPath = "/v2/" + project + "/agents/" + agent;
            HttpResponse<String> enable = http.post(agentPath + "/vault-encryption-requests", TOKEN,
                    "{\"old_encrypted_password_hex\":null,\"new_encrypted_password_hex\":\"0a0b\"}");
            String enabled = enable.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", "");
            assertThat(json(http.get(enabled + "?wait=10", TOKEN)).get("succeeded").asBoolean()).isTrue();
            String verify = http.post(agentPath + "/vault-password-verification-requests", TOKEN,
                    "{\"encrypted_password_hex\":\"0a0b\"}").headers().firstValue("Location").orElseThrow()
                    .replaceFirst("^http://[^/]+", "");
            assertThat(json(http.get(verify + "?wait=10", TOKEN)).get("valid").asBoolean()).as("the agent says true").isTrue();
            String logfile = http.post(agentPath + "/logfiles", TOKEN, null).headers().firstValue("Location").orElseThrow()
                    .replaceFirst("^http://[^/]+", "");
            assertThat(http.getUntil(logfile, TOKEN, body -> body.get("state").asText().equals("completed"))
                    .get("state").asText()).isEqualTo("completed");
            summary = running.get();
        } finally {
            runner.shutdownNow();
        }

        assertThat(summary).contains("summary: 3 agents", " 0 errors", "browse round trip p50");
        assertThat(summary).doesNotContain("(0 answered)");
    }

    private void awaitOnline(int agents) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode list = json(http.get("/v2/" + project + "/agents", TOKEN)).get("agents");
            int online = 0;
            for (JsonNode agent : list) {
                online += json(http.get("/v2/" + project + "/agents/" + agent.get("id").asText() + "/status", TOKEN))
                        .get("online").asBoolean() ? 1 : 0;
            }
            if (online == agents) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the simulated agents did not come online");
    }
}
