package io.agentevents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.adapter.postgres.settings.PostgresSettings;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.ServerSettings;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.Role;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Losing the database primary under load: two nodes on a multi-host URL, 8 writers of
 * activations and 2 readers following markers; the primary is stopped hard, the standby
 * promoted, and writing goes on. Builds its own pair of clusters ({@link PostgresPair}).
 */
class PrimaryFailoverTest {

    private static final String TOKEN = "failover-admin-token";
    private static final String ACTIVATE = "{\"event\":\"agent_activate\",\"mode\":\"active\"}";
    private static final int WRITERS = 8;

    private final String project = TestSessions.newProject().value();
    /** The waiting agent's project: the writers' project-wide activations would answer its poll. */
    private final String quietProject = TestSessions.newProject().value();

    /** What a run saw. */
    private record Outcome(List<String> acknowledged, List<String> logged, List<List<Long>> readerIds,
                           List<Set<String>> readerRequests, int unavailable, List<String> wrong,
                           Map<String, Duration> firstWriteAfterPromotion, HttpResponse<String> longPoll) {
    }

    @Test
    void withASynchronousStandby_nothingAcknowledgedIsLost_andBothNodesWriteAgainWithinTenSeconds() throws Exception {
        Outcome outcome = failOver(true);

        assertThat(outcome.wrong()).as("every answer a 202 or a 503, never a 500").isEmpty();
        assertThat(outcome.unavailable()).as("writes during the switch were refused").isPositive();
        assertThat(outcome.firstWriteAfterPromotion()).containsOnlyKeys("node A", "node B")
                .allSatisfy((node, took) -> assertThat(took).as(node).isLessThan(Duration.ofSeconds(10)));
        Set<String> logged = new HashSet<>(outcome.logged());
        assertThat(outcome.logged()).as("no activation twice").doesNotHaveDuplicates();
        assertThat(logged).as("every activation answered 202 is in the log").containsAll(outcome.acknowledged());
        for (int reader = 0; reader < outcome.readerIds().size(); reader++) {
            assertThat(outcome.readerIds().get(reader)).as("reader %d: in order, each once", reader)
                    .isSorted().doesNotHaveDuplicates();
            assertThat(outcome.readerRequests().get(reader)).as("reader %d saw every acknowledged activation", reader)
                    .containsAll(outcome.acknowledged());
        }
        assertThat(outcome.longPoll().statusCode()).isEqualTo(200);
        assertThat(HttpClientForTests.json(outcome.longPoll()).get("events").get(0).get("event").asText())
                .as("the poll that waited through the failover is woken by the activation after it")
                .isEqualTo("agent_activate");
    }

    @Test
    void withAnAsynchronousStandby_theLastCommitsMayBeLost_andTheTestSaysHowMany() throws Exception {
        Outcome outcome = failOver(false);

        Set<String> logged = new HashSet<>(outcome.logged());
        long lost = outcome.acknowledged().stream().filter(request -> !logged.contains(request)).count();
        System.out.printf("asynchronous standby: %d of %d acknowledged activations lost in the failover%n", lost,
                outcome.acknowledged().size());
        assertThat(outcome.wrong()).as("every answer a 202 or a 503, never a 500").isEmpty();
        assertThat(outcome.logged()).as("none twice").doesNotHaveDuplicates();
        assertThat(outcome.firstWriteAfterPromotion()).containsOnlyKeys("node A", "node B")
                .allSatisfy((node, took) -> assertThat(took).as(node).isLessThan(Duration.ofSeconds(10)));
    }

    private Outcome failOver(boolean synchronous) throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        try (PostgresPair pair = PostgresPair.start(synchronous)) {
            AppConfig config = AppConfig.inMemory(0, List.of(
                            new UserToken(new Secret(TOKEN), new ProjectId(project), Role.ADMIN),
                            new UserToken(new Secret(TOKEN + "-quiet"), new ProjectId(quietProject), Role.ADMIN)))
                    .withServer(ServerSettings.defaults().withRateLimit(0)) // 8 writers share one token
                    .withDatabase(PostgresSettings.of(pair.url()));
            try (AgentEventsApp nodeA = AgentEventsApp.start(config, Clock.systemUTC());
                 AgentEventsApp nodeB = AgentEventsApp.start(config, Clock.systemUTC())) {
                Map<String, HttpClientForTests> nodes = Map.of("node A", new HttpClientForTests(nodeA.port()),
                        "node B", new HttpClientForTests(nodeB.port()));
                return underLoad(pair, nodes, threads);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private Outcome underLoad(PostgresPair pair, Map<String, HttpClientForTests> nodes, ExecutorService threads)
            throws Exception {
        HttpClientForTests a = nodes.get("node A");
        HttpClientForTests b = nodes.get("node B");
        var waiter = HttpClientForTests.registerAndSignIn(a, b, quietProject, TOKEN + "-quiet", "waiter");
        String feed = "/v2/" + quietProject + "/agents/" + waiter.id() + "/events";
        String marker = b.markerAfterAll(feed, waiter.token());
        Future<HttpResponse<String>> longPoll = threads.submit(() -> b.get(feed + "?wait=30&marker=" + marker, waiter.token()));
        b.awaitGauge("agent_events_long_polls_waiting", waiting -> waiting >= 1);

        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicLong promotedAt = new AtomicLong(Long.MAX_VALUE);
        Map<String, Duration> firstWriteAfterPromotion = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String name = i % 2 == 0 ? "node A" : "node B";
            HttpClientForTests node = nodes.get(name);
            writers.add(threads.submit(() -> {
                while (writing.get()) {
                    try {
                        HttpResponse<String> answer = node.post("/v2/" + project + "/events", TOKEN, ACTIVATE);
                        if (answer.statusCode() == 202) {
                            acknowledged.add(answer.headers().firstValue("X-Request-Id").orElseThrow());
                            long now = System.nanoTime();
                            if (now > promotedAt.get()) {
                                firstWriteAfterPromotion.putIfAbsent(name, Duration.ofNanos(now - promotedAt.get()));
                            }
                        } else if (answer.statusCode() == 503) {
                            unavailable.incrementAndGet();
                            if (answer.headers().firstValue("Retry-After").isEmpty()) {
                                wrong.add(name + ": a 503 without Retry-After");
                            }
                            Thread.sleep(20);
                        } else {
                            wrong.add(name + ": " + answer.statusCode() + " " + answer.body());
                        }
                    } catch (AssertionError failed) {
                        wrong.add(name + ": " + failed.getMessage());
                    }
                }
                return null;
            }));
        }
        List<Reader> readers = List.of(new Reader(a), new Reader(b));
        AtomicBoolean reading = new AtomicBoolean(true);
        List<Future<?>> readerRuns = new ArrayList<>();
        readers.forEach(reader -> readerRuns.add(threads.submit(() -> {
            reader.follow(reading);
            return null;
        })));

        awaitAtLeast(acknowledged, 200, "activations before the failover");
        // Taken into node B's presence buffer, written within 200 ms: the primary dies before that, most
        // runs, and the heartbeat must then reach the new primary. (During the outage a node takes none:
        // with its listener down it trusts no remembered token.)
        HttpResponse<String> heartbeat = b.post(feed, waiter.token(), "{\"event\":\"heartbeat\",\"busy\":true}");
        pair.killPrimary();
        pair.promoteStandby();
        promotedAt.set(System.nanoTime());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (firstWriteAfterPromotion.size() < nodes.size() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        firstWriteAfterPromotion.forEach((node, took) ->
                System.out.printf("failover: %s accepted its first write %.0f ms after the promotion%n", node,
                        took.toNanos() / 1e6));
        awaitAtLeast(acknowledged, acknowledged.size() + 200, "activations after the failover");
        writing.set(false);
        for (Future<?> writer : writers) {
            writer.get(30, TimeUnit.SECONDS);
        }

        // The waiting agent's own activation, posted after the failover, must reach its poll.
        assertThat(a.post("/v2/" + quietProject + "/agents/" + waiter.id() + "/events", TOKEN + "-quiet", ACTIVATE)
                .statusCode()).isEqualTo(202);
        HttpResponse<String> pollAnswer = longPoll.get(30, TimeUnit.SECONDS);
        assertThat(heartbeat.statusCode()).as("a heartbeat just before the failover is taken").isEqualTo(202);
        assertThat(a.getUntil("/v2/" + quietProject + "/agents/" + waiter.id() + "/status", TOKEN + "-quiet",
                status -> status.path("busy").asBoolean()).path("busy").asBoolean())
                .as("the buffered heartbeat was written to the new primary").isTrue();

        List<String> logged = readAll(a);
        Set<String> expected = new HashSet<>(acknowledged);
        long readDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (readers.stream().anyMatch(reader -> !reader.requests.containsAll(expected)) && System.nanoTime() < readDeadline) {
            Thread.sleep(10);
        }
        reading.set(false);
        for (Future<?> reader : readerRuns) {
            reader.get(30, TimeUnit.SECONDS);
        }
        return new Outcome(List.copyOf(acknowledged), logged, readers.stream().map(reader -> List.copyOf(reader.ids)).toList(),
                readers.stream().map(reader -> Set.copyOf(reader.requests)).toList(), unavailable.get(), List.copyOf(wrong),
                Map.copyOf(firstWriteAfterPromotion), pollAnswer);
    }

    /** Follows the project's events by marker, ascending, through 503s. */
    private final class Reader {
        private final HttpClientForTests node;
        final List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        final Set<String> requests = ConcurrentHashMap.newKeySet();

        Reader(HttpClientForTests node) {
            this.node = node;
        }

        void follow(AtomicBoolean reading) throws InterruptedException {
            String marker = null;
            while (reading.get()) {
                HttpResponse<String> page;
                try {
                    page = node.get("/v2/" + project + "/events?sort_dir=asc&limit=1000"
                            + (marker == null ? "" : "&marker=" + marker), TOKEN);
                } catch (AssertionError unreachable) {
                    Thread.sleep(20);
                    continue;
                }
                if (page.statusCode() != 200) {
                    Thread.sleep(20);
                    continue;
                }
                JsonNode events = HttpClientForTests.json(page).get("events");
                for (JsonNode event : events) {
                    ids.add(Long.parseLong(event.get("id").asText()));
                    requests.add(event.get("request_id").asText());
                    marker = event.get("id").asText();
                }
                if (events.isEmpty()) {
                    Thread.sleep(5);
                }
            }
        }
    }

    /** Every activation's request id in the project's log, oldest first. */
    private List<String> readAll(HttpClientForTests node) {
        List<String> requests = new ArrayList<>();
        String marker = null;
        while (true) {
            HttpResponse<String> page = node.get("/v2/" + project + "/events?sort_dir=asc&limit=1000"
                    + (marker == null ? "" : "&marker=" + marker), TOKEN);
            assertThat(page.statusCode()).as("reading the log after the failover").isEqualTo(200);
            JsonNode events = HttpClientForTests.json(page).get("events");
            if (events.isEmpty()) {
                return requests;
            }
            for (JsonNode event : events) {
                requests.add(event.get("request_id").asText());
                marker = event.get("id").asText();
            }
        }
    }

    private static void awaitAtLeast(Queue<String> acknowledged, int count, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acknowledged.size() < count) {
            assertThat(System.nanoTime()).as("%d %s", count, what).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
