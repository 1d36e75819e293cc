package io.agentevents.application.service;

import io.agentevents.application.port.in.AgentEventsPage;
import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.ListAgentEventsQuery;
import io.agentevents.application.port.in.ListAgentEventsUseCase;
import io.agentevents.application.port.in.PollDirective;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.session.AgentSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public class ListAgentEventsService implements ListAgentEventsUseCase {

    private final AgentSessionRepository sessions;
    private final EventLog eventLog;
    private final PresenceBuffer presence;
    private final Schedules schedules;
    private final Clock clock;

    public ListAgentEventsService(AgentSessionRepository sessions, EventLog eventLog, PresenceBuffer presence,
                                  Schedules schedules, Clock clock) {
        this.sessions = sessions;
        this.eventLog = eventLog;
        this.presence = presence;
        this.schedules = schedules;
        this.clock = clock;
    }

    @Override
    public AgentEventsPage list(ListAgentEventsQuery query) {
        Access.requireReaderOrAgentItself(query.caller(), query.project(), query.agent());
        Optional<PollDirective> directive;
        if (query.caller() instanceof AgentCaller) {
            Instant now = clock.instant();
            AgentSession session = sessions.find(query.project(), query.agent())
                    .orElseThrow(() -> new AgentNotFoundException(query.project(), query.agent()));
            if (!query.rereadWhileWaiting()) {
                // The agent's own poll is its check-in, written with the node's next presence flush.
                presence.checkIn(new AgentKey(query.project(), query.agent()), now, query.requestId());
            }
            Mode mode = session.effectiveModeAt(now);
            directive = Optional.of(new PollDirective(mode, schedules.forMode(mode).pollEvery()));
        } else {
            sessions.find(query.project(), query.agent())
                    .orElseThrow(() -> new AgentNotFoundException(query.project(), query.agent()));
            directive = Optional.empty();
        }
        EventPage page = eventLog.feed(query.project(), query.agent(), query.page());
        return new AgentEventsPage(page, directive);
    }
}
