package io.agentevents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentevents.adapter.postgres.TestDatabase;
import io.agentevents.domain.TestSessions;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while clients post activations and agents long-poll, on PostgreSQL in a real process:
 * every activation answered 202 is in the log after a restart, and the waiting polls are
 * answered (200) before the process exits instead of being cut.
 */
class GracefulShutdownTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "graceful-admin-token";
    private static final int WRITERS = 4;
    private static final int POLLS = 3;
    /** Activations acknowledged so far, by every writer. */
    /** Counted down by each acknowledged activation: the load is running once it reaches zero. */
    private final java.util.concurrent.CountDownLatch loadRunning = new java.util.concurrent.CountDownLatch(WRITERS * 20);

    @TempDir
    Path directory;

    @Test
    void sigtermUnderLoad_losesNoAcknowledgedActivation_andAnswersWaitingPolls() throws Exception {
        String schema = TestDatabase.newSchema(GracefulShutdownTest.class);
        String project = TestSessions.newProject().value();
        Path tokens = Files.writeString(directory.resolve("tokens"), ADMIN + " " + project + " admin\n");
        Map<String, String> environment = Map.of("DATABASE_URL", TestDatabase.urlWithSchema(schema),
                "TOKENS_FILE", tokens.toString(), "RATE_LIMIT", "0", "PASSWORD_ITERATIONS", "1000");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + POLLS);
        try {
            int acknowledged;
            try (ServiceProcess first = ServiceProcess.launch(environment, "--port", "0").awaitListening(false)) {
                HttpClientForTests http = new HttpClientForTests(first.port());
                String[] agent = registerAndSignIn(http, project);
                String pollPath = "/v2/" + project + "/agents/" + agent[0] + "/events?marker=999999999&wait=30";
                List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
                for (int i = 0; i < POLLS; i++) {
                    polls.add(CompletableFuture.supplyAsync(() -> http.get(pollPath, agent[1]), pool));
                }
                AtomicBoolean posting = new AtomicBoolean(true);
                List<Future<Integer>> writers = new ArrayList<>();
                for (int i = 0; i < WRITERS; i++) {
                    writers.add(pool.submit(() -> postUntilRefused(http, project, posting)));
                }
                // Load running: activations being acknowledged on every writer's connection.
                assertThat(loadRunning.await(10, TimeUnit.SECONDS)).as("activations acknowledged before the stop").isTrue();

                long stoppedAt = System.nanoTime();
                first.process().destroy(); // SIGTERM

                for (CompletableFuture<HttpResponse<String>> poll : polls) {
                    HttpResponse<String> answer = poll.get(20, TimeUnit.SECONDS);
                    assertThat(answer.statusCode()).as("a waiting poll is answered, not cut").isEqualTo(200);
                    assertThat(JSON.readTree(answer.body()).get("events").isArray()).isTrue();
                }
                assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt))
                        .as("polls answered at the stop, not at their 30 s deadline").isLessThan(Duration.ofSeconds(15));
                assertThat(first.awaitExit()).isZero();
                posting.set(false);
                acknowledged = 0;
                for (Future<Integer> writer : writers) {
                    acknowledged += writer.get(30, TimeUnit.SECONDS);
                }
            }
            assertThat(acknowledged).as("the load ran").isGreaterThan(10);

            try (ServiceProcess second = ServiceProcess.launch(environment, "--port", "0").awaitListening(false)) {
                int stored = countActivations(new HttpClientForTests(second.port()), project);
                assertThat(stored).as("every activation answered 202 is stored (a few more may have been"
                        + " committed with their answer lost to the stop)").isBetween(acknowledged, acknowledged + WRITERS);
                System.out.printf("graceful stop: %d activations acknowledged, %d stored%n", acknowledged, stored);
            }
        } finally {
            pool.shutdownNow();
            TestDatabase.dropSchema(schema);
        }
    }

    /** Posts activations until the service stops answering; returns how many were answered 202. */
    private int postUntilRefused(HttpClientForTests http, String project, AtomicBoolean posting) {
        int accepted = 0;
        while (posting.get()) {
            try {
                int status = http.post("/v2/" + project + "/events", ADMIN,
                        "{\"event\":\"agent_activate\",\"mode\":\"active\"}").statusCode();
                if (status == 202) {
                    accepted++;
                    loadRunning.countDown();
                } else if (status != 503) {
                    throw new AssertionError("activation answered " + status);
                }
            } catch (AssertionError refused) {
                if (refused.getMessage() != null && refused.getMessage().startsWith("activation answered")) {
                    throw refused;
                }
                return accepted; // connection refused or closed: the service has stopped
            }
        }
        return accepted;
    }

    private static String[] registerAndSignIn(HttpClientForTests http, String project) throws Exception {
        JsonNode registered = JSON.readTree(http.post("/v2/" + project + "/agents", ADMIN,
                DocumentedBodies.registration("a", "fp-a")).body());
        String agent = registered.get("id").asText();
        JsonNode token = JSON.readTree(http.post("/v2/" + project + "/agents/tokens", null,
                DocumentedBodies.signIn(project, agent, registered.get("password").asText(), "fp-a")).body());
        return new String[]{agent, token.get("token").get("id").asText()};
    }

    private static int countActivations(HttpClientForTests http, String project) throws Exception {
        int count = 0;
        String marker = null;
        while (true) {
            HttpResponse<String> response = http.get("/v2/" + project + "/events?sort_dir=asc&limit=1000"
                    + (marker == null ? "" : "&marker=" + marker), ADMIN);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode events = JSON.readTree(response.body()).get("events");
            if (events.isEmpty()) {
                return count;
            }
            for (JsonNode event : events) {
                if (event.get("event").asText().equals("agent_activate")) {
                    count++;
                }
                marker = event.get("id").asText();
            }
        }
    }
}
