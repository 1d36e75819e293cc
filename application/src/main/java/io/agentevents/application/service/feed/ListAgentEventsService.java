package io.agentevents.application.service.feed;

import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.in.feed.ListAgentEventsUseCase;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.domain.activation.Schedules;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/** An agent's feed, read from the store (see {@link AgentFeedReader}). */
public class ListAgentEventsService implements ListAgentEventsUseCase {

    private final AgentFeedReader reader;
    private final StoreCalls calls;

    public ListAgentEventsService(AgentSessionRepository sessions, EventLog eventLog, PresenceBuffer presence,
                                  Schedules schedules, Clock clock, StoreCalls calls) {
        this.reader = new AgentFeedReader(sessions, eventLog, presence, schedules, clock);
        this.calls = calls;
    }

    @Override
    public CompletionStage<AgentEventsPage> list(ListAgentEventsQuery query) {
        return calls.supply(() -> reader.answerNow(reader.read(query)));
    }
}
