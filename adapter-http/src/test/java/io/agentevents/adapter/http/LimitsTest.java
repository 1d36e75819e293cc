package io.agentevents.adapter.http;

import static io.agentevents.adapter.http.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.adapter.http.edge.RateLimit;
import io.agentevents.adapter.http.support.WaitingPolls;
import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.PollDirective;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LimitsTest {

    private static final EventPage EMPTY = new EventPage(List.of(), Optional.of(new EventId(7)), Optional.empty());

    private TestApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aTokenOverItsBudget_gets429WithRetryAfter_whileOtherTokensGoOn() {
        api = new TestApi(ApiOptions.defaults().withRateLimit(5));
        api.listProjectEvents = query -> EMPTY;
        // The bucket holds 5 and refills 5 a second: a slow machine may earn a few more while it sends.
        long started = System.nanoTime();
        int answered = 0;
        long sentAt = System.nanoTime();
        HttpResponse<String> refused = api.authorized("GET", "/v2/p1/events", null);
        while (refused.statusCode() == 200 && answered < 100) {
            answered++;
            sentAt = System.nanoTime();
            refused = api.authorized("GET", "/v2/p1/events", null);
        }
        long refusedAfterMillis = (System.nanoTime() - sentAt) / 1_000_000;
        double elapsed = (System.nanoTime() - started) / 1e9;

        assertThat(answered).as("answered before the first refusal, in %.2f s", elapsed)
                .isBetween(5, 5 + (int) Math.ceil(elapsed * 5));
        assertError(refused, 429, "request budget exceeded");
        assertThat(refusedAfterMillis).as("a refusal is answered late, so a flood gets few of them")
                .isGreaterThanOrEqualTo(RateLimit.REFUSAL_DELAY_MS);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(api.send("GET", "/v2/p1/events", null, "X-Auth-Token", "another-token").statusCode())
                .as("another token is not throttled (it is unknown: 401)").isEqualTo(401);
    }

    @Test
    void noLimit_neverAnswers429() {
        api = new TestApi(ApiOptions.defaults().withRateLimit(0));
        api.listProjectEvents = query -> EMPTY;

        for (int i = 0; i < 300; i++) {
            assertThat(api.authorized("GET", "/v2/p1/events", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void operatorEndpoints_areNotThrottled() {
        api = new TestApi(ApiOptions.defaults().withRateLimit(1));

        for (int i = 0; i < 20; i++) {
            assertThat(api.send("GET", "/healthz", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void waitingPolls_areCappedPerToken_andAllAnsweredWhenTheNodeStops() throws Exception {
        WaitingPolls polls = new WaitingPolls(2);
        api = new TestApi(ApiOptions.defaults().withWaitingPolls(polls));
        AgentId agent = TestSessions.newAgent();
        api.caller = new AgentCaller(TestApi.PROJECT, agent);
        AtomicInteger awaited = new AtomicInteger();
        AgentEventsPage empty = new AgentEventsPage(EMPTY,
                Optional.of(new PollDirective(Mode.REAL_TIME, Duration.ofMillis(300))));
        api.awaitAgentEvents = query -> {
            awaited.incrementAndGet();
            return new StubPendingPage(empty);
        };
        String path = "/v2/p1/agents/" + agent + "/events?marker=7&wait=30";
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> api.authorized("GET", path, null));
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> api.authorized("GET", path, null));
        awaitWaiting(polls, 2);

        HttpResponse<String> third = api.authorized("GET", path, null);

        assertError(third, 429, "long-polls may wait per token");
        assertThat(third.headers().firstValue("Retry-After")).contains("1");
        long started = System.nanoTime();
        polls.answerAllNow();
        assertThat(first.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(polls.waiting()).isZero();
        HttpResponse<String> afterStop = api.authorized("GET", path, null);
        assertThat(afterStop.statusCode()).as("a poll arriving while the node stops does not wait").isEqualTo(200);
        assertThat(awaited.get()).as("the refused poll waited for nothing").isEqualTo(3);
    }

    private static void awaitWaiting(WaitingPolls polls, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (polls.waiting() < count) {
            assertThat(System.nanoTime()).as("polls waiting in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

}
