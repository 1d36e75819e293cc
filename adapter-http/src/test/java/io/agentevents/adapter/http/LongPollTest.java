package io.agentevents.adapter.http;

import static io.agentevents.adapter.http.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.AwaitAgentEventsQuery;
import io.agentevents.application.port.in.feed.PollDirective;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.AgentCaller;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    private final List<AwaitAgentEventsQuery> awaited = new CopyOnWriteArrayList<>();
    private final CountDownLatch waiting = new CountDownLatch(1);
    private final StubPendingPage pending = new StubPendingPage(new AgentEventsPage(empty, Optional.of(realTime)));

    LongPollTest() {
        api.caller = new AgentCaller(TestApi.PROJECT, agent);
        api.awaitAgentEvents = query -> {
            awaited.add(query);
            waiting.countDown();
            return pending;
        };
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aPollWithWait_awaitsTheFeed_withItsMarkerAndWait_andAnswersItsPage() throws Exception {
        CompletableFuture<HttpResponse<String>> response = CompletableFuture.supplyAsync(
                () -> api.authorized("GET", path + "?marker=7&wait=20", null));
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(response).as("waits while its page does").isNotDone();

        pending.answer.complete(new AgentEventsPage(oneActivation, Optional.of(realTime)));

        HttpResponse<String> answered = response.get(5, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("agent_activate");
        assertThat(answered.headers().firstValue("X-Agent-Mode")).contains("real_time");
        assertThat(answered.headers().firstValue("X-Long-Poll-Max-S")).contains("30");
        AwaitAgentEventsQuery query = awaited.get(0);
        assertThat(query.maxWait()).isEqualTo(Duration.ofSeconds(20));
        assertThat(query.feed().page().after()).contains(new EventId(7));
        assertThat(query.feed().agent()).isEqualTo(agent);
        assertThat(pending.cancelled.getCount()).as("an answered poll is not cancelled").isEqualTo(1);
    }

    @Test
    void aPollWithoutWait_readsTheFeed_andNeverAwaits() {
        api.listAgentEvents = query -> new AgentEventsPage(empty, Optional.of(realTime));

        HttpResponse<String> response = api.authorized("GET", path + "?marker=7&wait=0", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.codec.readTree(response.body()).get("events")).isEmpty();
        assertThat(awaited).isEmpty();
    }

    @Test
    void aFailedWait_isAnsweredAsTheFailure() throws Exception {
        CompletableFuture<HttpResponse<String>> response = CompletableFuture.supplyAsync(
                () -> api.authorized("GET", path + "?wait=30", null));
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();

        pending.answer.completeExceptionally(new AgentNotFoundException(TestApi.PROJECT, agent));

        assertError(response.get(5, TimeUnit.SECONDS), 404, "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"31", "-1", "1.5", "soon", "", "100"})
    void badWait_is400(String wait) {
        assertError(api.authorized("GET", path + "?wait=" + wait, null), 400, "wait must be a whole number of seconds");
    }

    @Test
    void aClientThatGoesAway_cancelsItsWaitAtOnce() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + "?wait=30 HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: " + TestApi.TOKEN + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(pending.cancelled.getCount()).as("still waiting while connected").isEqualTo(1);
        }

        assertThat(pending.cancelled.await(2, TimeUnit.SECONDS)).as("cancelled after the client left").isTrue();
    }
}
