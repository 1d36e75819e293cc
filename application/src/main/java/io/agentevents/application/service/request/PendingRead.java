package io.agentevents.application.service.request;

import io.agentevents.application.port.in.RequestNotFoundException;
import io.agentevents.application.port.in.request.PendingAnswer;
import io.agentevents.application.port.in.request.ReadAnswerQuery;
import io.agentevents.application.port.out.AgentRequests;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.access.Access;
import io.agentevents.application.service.feed.FeedWatchers;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.request.AgentRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One read of a request's answer, which may wait for it. Waiting, it watches the agent's feed
 * before its first read, so an answer kept between the read and the wait still wakes it; it reads
 * one read at a time, and a signal during a read makes it read once more after it. It ends once:
 * with the answer, at {@link #answerNow()} (its deadline, or the node stopping) with what it read
 * last, on a failure, or cancelled. Its state is guarded by its own lock.
 */
final class PendingRead implements PendingAnswer, FeedWatchers.AgentWatch {

    private final ReadAnswerQuery query;
    private final AgentRequests requests;
    private final StoreCalls calls;
    private final Clock clock;
    private final String name;
    private final CompletableFuture<AgentRequest> answer = new CompletableFuture<>();
    private Runnable release = () -> { };
    private boolean waits;
    /** What the last read found; null before the first read ends. */
    private Optional<AgentRequest> lastRead;
    private boolean reading;
    private boolean signalledWhileReading;
    private boolean answerWhenRead;
    private boolean ended;

    PendingRead(ReadAnswerQuery query, AgentRequests requests, StoreCalls calls, Clock clock) {
        this.query = query;
        this.requests = requests;
        this.calls = calls;
        this.clock = clock;
        this.name = RequestNames.of(query.kind(), query.request());
    }

    @Override
    public AgentId agent() {
        return query.agent();
    }

    /**
     * The first read.
     *
     * @param watchRelease present when it may wait: ends its watch and deadline, once, when it ends
     */
    synchronized void start(Optional<Runnable> watchRelease) {
        watchRelease.ifPresent(given -> {
            release = given;
            waits = true;
        });
        read();
    }

    @Override
    public CompletionStage<AgentRequest> answer() {
        return answer;
    }

    @Override
    public synchronized void agentMayHaveNews() {
        if (ended) {
            return;
        }
        if (reading) {
            signalledWhileReading = true;
            return;
        }
        read();
    }

    @Override
    public synchronized void answerNow() {
        if (lastRead != null) {
            end(lastRead);
        } else {
            answerWhenRead = true;
        }
    }

    @Override
    public void cancel() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        release.run();
        answer.cancel(false);
    }

    private void read() {
        reading = true;
        signalledWhileReading = false;
        calls.supply(() -> {
            Access.requireReaderOrAgentItself(query.caller(), query.project(), query.agent());
            return requests.find(query.project(), query.agent(), query.request())
                    .filter(found -> found.kind() == query.kind());
        }).whenComplete(this::read);
    }

    private synchronized void read(Optional<AgentRequest> found, Throwable failure) {
        reading = false;
        if (ended) {
            return;
        }
        if (failure != null) {
            ended = true;
            release.run();
            answer.completeExceptionally(failure);
            return;
        }
        lastRead = found;
        boolean open = found.isPresent() && found.get().statusAt(clock.instant()) == AgentRequest.Status.OPEN;
        if (!open || !waits || answerWhenRead) {
            end(found); // answered, or nothing to wait for
        } else if (signalledWhileReading) {
            agentMayHaveNews();
        }
    }

    private void end(Optional<AgentRequest> found) {
        if (ended) {
            return;
        }
        ended = true;
        release.run();
        if (found.isEmpty()) {
            answer.completeExceptionally(new RequestNotFoundException(name + " not found for agent " + query.agent()));
            return;
        }
        AgentRequest request = found.get();
        switch (request.statusAt(clock.instant())) {
            case ANSWERED -> answer.complete(request);
            case OPEN -> answer.completeExceptionally(new RequestNotFoundException(name + " has no answer yet"));
            case EXPIRED -> answer.completeExceptionally(new RequestNotFoundException(request.answer().isPresent()
                    ? name + " is no longer kept: its answer was kept until " + request.expiresAt()
                    : name + " expired unanswered at " + request.expiresAt()));
        }
    }
}
