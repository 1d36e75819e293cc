package io.agentevents.adapter.http;

import static io.agentevents.adapter.http.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.in.feed.PollDirective;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.access.Role;
import io.agentevents.domain.access.UserCaller;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.event.StoredEvent;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LongPollTest {

    private final TestApi api = new TestApi();
    private final AgentId agent = TestSessions.newAgent();
    private final String path = "/v2/p1/agents/" + agent + "/events";
    private final PollDirective realTime = new PollDirective(Mode.REAL_TIME, Duration.ofMillis(300));
    private final EventPage empty = new EventPage(List.of(), Optional.of(new EventId(7)), Optional.empty());
    private final EventPage oneActivation = new EventPage(List.of(new StoredEvent(new EventId(1_000_000_008L),
            new AgentActivated(TestSessions.projectActivation(Mode.ACTIVE, TestSessions.T0)), TestSessions.newRequest())),
            Optional.of(new EventId(1_000_000_008L)), Optional.empty());
    private final List<ListAgentEventsQuery> reads = new CopyOnWriteArrayList<>();
    private final AtomicReference<Runnable> onChange = new AtomicReference<>();
    private final CountDownLatch watchClosed = new CountDownLatch(1);

    LongPollTest() {
        api.caller = new AgentCaller(TestApi.PROJECT, agent);
        api.watchAgentEvents = (project, watched, callback) -> {
            onChange.set(callback);
            return watchClosed::countDown;
        };
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private void feedAnswers(EventPage... pages) {
        api.listAgentEvents = query -> {
            reads.add(query);
            EventPage page = pages[Math.min(reads.size(), pages.length) - 1];
            return new AgentEventsPage(page, Optional.of(realTime));
        };
    }

    @Test
    void eventsAlreadyThere_areAnsweredAtOnce() {
        feedAnswers(oneActivation);

        long started = System.nanoTime();
        HttpResponse<String> response = api.authorized("GET", path + "?marker=7&wait=30", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("agent_activate");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(watchClosed.getCount()).isZero();
    }

    @Test
    void nothingNew_answersAnEmptyPageWhenTheWaitIsOver() {
        feedAnswers(empty);

        long started = System.nanoTime();
        HttpResponse<String> response = api.authorized("GET", path + "?marker=7&wait=1", null);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.codec.readTree(response.body()).get("events")).isEmpty();
        assertThat(response.headers().firstValue("X-Agent-Mode")).contains("real_time");
        assertThat(response.headers().firstValue("X-Long-Poll-Max-S")).contains("30");
        assertThat(watchClosed.getCount()).isZero();
    }

    @Test
    void aSignal_makesTheWaitingPollReadAgainAndAnswer() throws Exception {
        feedAnswers(empty, oneActivation);
        Thread signaller = new Thread(() -> {
            try {
                // Signalled as soon as the poll has its watch: a signal before, during or after its first read must wake it.
                while (onChange.get() == null) {
                    Thread.sleep(1);
                }
                onChange.get().run();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        signaller.start();

        long started = System.nanoTime();
        HttpResponse<String> response = api.authorized("GET", path + "?marker=7&wait=20", null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.body()).contains("agent_activate");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(reads).hasSize(2);
        assertThat(reads.get(0).rereadWhileWaiting()).isFalse();
        assertThat(reads.get(1).rereadWhileWaiting()).isTrue();
        signaller.join();
    }

    @Test
    void aUserReading_neverWaits() {
        api.caller = new UserCaller(TestApi.PROJECT, Role.OBSERVER);
        api.listAgentEvents = query -> new AgentEventsPage(empty, Optional.empty());

        long started = System.nanoTime();
        HttpResponse<String> response = api.authorized("GET", path + "?wait=30", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31", "-1", "1.5", "soon", "", "100"})
    void badWait_is400(String wait) {
        assertError(api.authorized("GET", path + "?wait=" + wait, null), 400, "wait must be a whole number of seconds");
    }

    @Test
    void aClientThatGoesAway_releasesItsWaitAtOnce() throws Exception {
        feedAnswers(empty);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + "?wait=30 HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: " + TestApi.TOKEN + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (reads.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(watchClosed.getCount()).as("still waiting while connected").isEqualTo(1);
        }

        assertThat(watchClosed.await(2, TimeUnit.SECONDS)).as("watch released after the client left").isTrue();
    }
}
