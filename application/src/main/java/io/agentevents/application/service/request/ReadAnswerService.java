package io.agentevents.application.service.request;

import io.agentevents.application.port.in.request.PendingAnswer;
import io.agentevents.application.port.in.request.ReadAnswerQuery;
import io.agentevents.application.port.in.request.ReadAnswerUseCase;
import io.agentevents.application.port.out.AgentRequests;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.feed.FeedWatchers;
import java.time.Clock;

/**
 * Reads a request's answer; with a wait, it watches the agent's feed through the node's
 * {@link FeedWatchers}, as an agent's long-poll does, and reads again when the feed may have
 * grown: the answer's event wakes it on whichever node the agent answered.
 */
public class ReadAnswerService implements ReadAnswerUseCase {

    private final AgentRequests requests;
    private final FeedWatchers watchers;
    private final Clock clock;
    private final StoreCalls calls;

    public ReadAnswerService(AgentRequests requests, FeedWatchers watchers, Clock clock, StoreCalls calls) {
        this.requests = requests;
        this.watchers = watchers;
        this.clock = clock;
        this.calls = calls;
    }

    @Override
    public PendingAnswer read(ReadAnswerQuery query) {
        PendingRead read = new PendingRead(query, requests, calls, clock);
        read.begin(query.maxWait().isZero() ? () -> { }
                : watchers.watch(query.project(), read, query.maxWait(), read::answerNow));
        return read;
    }
}
