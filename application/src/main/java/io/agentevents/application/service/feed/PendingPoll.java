package io.agentevents.application.service.feed;

import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.in.feed.PendingPage;
import io.agentevents.application.port.out.EventSignals;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One waiting poll: a {@link WaitingRead} of the agent's feed that ends with events. Its first
 * read is the agent's check-in; a user's read never waits. When the whole project is activated,
 * one read of the project's new events may serve it ({@link #offer}).
 */
final class PendingPoll extends WaitingRead<FeedRead, AgentEventsPage> implements PendingPage {

    private final ListAgentEventsQuery query;
    private final AgentFeedReader reader;

    PendingPoll(ListAgentEventsQuery query, AgentFeedReader reader, StoreCalls calls) {
        super(calls);
        this.query = query;
        this.reader = reader;
    }

    @Override
    public AgentId agent() {
        return query.agent();
    }

    /** @param release lets go of the watch and the deadline; called once, when the poll ends */
    void begin(Runnable release) {
        start(release);
    }

    @Override
    public CompletionStage<AgentEventsPage> page() {
        return answerStage();
    }

    @Override
    protected FeedRead firstRead() {
        return reader.read(query);
    }

    @Override
    protected FeedRead readAgain(FeedRead last) {
        return reader.readAgain(query, last);
    }

    /** Something to say now, or a user reading: users never wait. */
    @Override
    protected boolean answersNow(FeedRead read) {
        return !read.isEmpty() || read.session().isEmpty();
    }

    @Override
    protected AgentEventsPage answerOf(FeedRead read) {
        return reader.answerNow(read);
    }

    /**
     * The marker of the empty page it waits on, when a read of the project's new events can
     * serve it: it waits, is not reading, and pages forwards.
     */
    synchronized Optional<Long> sharedReadMarker() {
        if (waitingOn() == null || query.page().direction() != SortDirection.ASC) {
            return Optional.empty();
        }
        return Optional.of(query.page().after().map(id -> id.value()).orElse(0L));
    }

    /**
     * What one commit appended to its agent's feed, said by the signal: it answers with it, as
     * its read would, when the signal proves it missed nothing before it (the feed's last event
     * before these is at or below its marker) and a page holds them all. Otherwise it waits for
     * the commit's plain signal, which follows, and reads as after any.
     */
    synchronized void answerWith(EventSignals.FeedGrowth growth) {
        FeedRead waitingOn = waitingOn();
        long marker = query.page().after().map(EventId::value).orElse(0L);
        if (waitingOn == null || !reader.growsAfterItsMarker(query, waitingOn) || growth.lastBefore() > marker) {
            return;
        }
        List<StoredEvent> own = growth.events().stream().filter(event -> event.id().value() > marker).toList();
        if (!own.isEmpty() && own.size() < query.page().limit()) { // as readAgain: a full page may go on
            end(reader.grown(waitingOn, own, own));
        }
    }

    /**
     * The project's new events after its marker, read after a signal that they grew.
     *
     * @param complete whether {@code news} holds every one of its feed's events after the marker
     */
    synchronized void offer(ProjectNews news, boolean complete) {
        FeedRead waitingOn = waitingOn();
        if (waitingOn == null) {
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
}
