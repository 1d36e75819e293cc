package io.agentevents.application.service.feed;

import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.in.feed.PendingPage;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One waiting poll. It is watching before its first read, so an event appended between the read
 * and the wait still wakes it; it reads one read at a time, and a signal during a read makes it
 * read once more after it. It ends once: with events, at {@link #answerNow()} (its deadline, or
 * the node stopping), on a failure, or cancelled. Its state is guarded by its own lock.
 */
final class PendingPoll implements PendingPage, FeedWatchers.AgentWatch {

    private final ListAgentEventsQuery query;
    private final AgentFeedReader reader;
    private final StoreCalls calls;
    /** Lets go of the watch and the deadline; set when the poll starts, run once, when it ends. */
    private Runnable release;
    private final CompletableFuture<AgentEventsPage> answer = new CompletableFuture<>();
    private FeedRead waitingOn;
    /** From the start: a signal before the first read begins is seen by that read. */
    private boolean reading = true;
    private boolean signalledWhileReading;
    private boolean answerWhenRead;
    private boolean ended;

    PendingPoll(ListAgentEventsQuery query, AgentFeedReader reader, StoreCalls calls) {
        this.query = query;
        this.reader = reader;
        this.calls = calls;
    }

    @Override
    public AgentId agent() {
        return query.agent();
    }

    /**
     * The first read, the agent's check-in.
     *
     * @param release lets go of the watch and the deadline; called once, when the poll ends
     */
    synchronized void start(Runnable release) {
        this.release = release;
        readThen(() -> reader.read(query));
    }

    @Override
    public CompletionStage<AgentEventsPage> page() {
        return answer;
    }

    /** A signal that the agent's feed may have grown: reads again. */
    @Override
    public synchronized void agentMayHaveNews() {
        if (ended) {
            return;
        }
        if (reading) {
            signalledWhileReading = true;
            return;
        }
        FeedRead read = waitingOn;
        readThen(() -> reader.readAgain(query, read));
    }

    /**
     * The marker of the empty page it waits on, when a read of the project's new events can
     * serve it: it waits, is not reading, and pages forwards.
     */
    synchronized Optional<Long> sharedReadMarker() {
        if (ended || reading || waitingOn == null || query.page().direction() != SortDirection.ASC) {
            return Optional.empty();
        }
        return Optional.of(query.page().after().map(id -> id.value()).orElse(0L));
    }

    /**
     * The project's new events after its marker, read after a signal that they grew.
     *
     * @param complete whether {@code news} holds every one of its feed's events after the marker
     */
    synchronized void offer(ProjectNews news, boolean complete) {
        if (ended || reading || waitingOn == null) {
            return; // it is reading for itself, or done
        }
        if (!complete) {
            agentMayHaveNews(); // its feed may go on past what was read
            return;
        }
        long marker = query.page().after().map(id -> id.value()).orElse(0L);
        List<StoredEvent> own = news.feedOf(query.agent(), marker);
        if (own.isEmpty()) {
            return;
        }
        int limit = query.page().limit();
        end(reader.grown(waitingOn, own.size() > limit ? own.subList(0, limit) : own, own));
    }

    @Override
    public synchronized void answerNow() {
        if (waitingOn != null) {
            end(waitingOn);
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

    private void readThen(Supplier<FeedRead> read) {
        reading = true;
        signalledWhileReading = false;
        calls.supply(read).whenComplete(this::read);
    }

    private synchronized void read(FeedRead read, Throwable failure) {
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
        waitingOn = read;
        if (!read.isEmpty() || read.session().isEmpty() || answerWhenRead) {
            end(read); // something to say now, or a user reading: users never wait
        } else if (signalledWhileReading) {
            agentMayHaveNews();
        }
    }

    private void end(FeedRead read) {
        if (ended) {
            return;
        }
        ended = true;
        release.run();
        answer.complete(reader.answerNow(read));
    }
}
