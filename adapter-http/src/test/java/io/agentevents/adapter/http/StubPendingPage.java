package io.agentevents.adapter.http;

import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.PendingPage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;

/** A waiting page the test ends: by completing {@link #answer}, or through the adapter's calls, which it counts. */
final class StubPendingPage implements PendingPage {

    final CompletableFuture<AgentEventsPage> answer = new CompletableFuture<>();
    final CountDownLatch answeredNow = new CountDownLatch(1);
    final CountDownLatch cancelled = new CountDownLatch(1);
    private final AgentEventsPage whenAnsweredNow;

    /** @param whenAnsweredNow what {@link #answerNow()} answers with */
    StubPendingPage(AgentEventsPage whenAnsweredNow) {
        this.whenAnsweredNow = whenAnsweredNow;
    }

    @Override
    public CompletionStage<AgentEventsPage> page() {
        return answer;
    }

    @Override
    public void answerNow() {
        answeredNow.countDown();
        answer.complete(whenAnsweredNow);
    }

    @Override
    public void cancel() {
        cancelled.countDown();
        answer.cancel(false);
    }
}
