package io.agentevents.application.service;

import io.agentevents.application.port.in.feed.ListProjectEventsQuery;
import io.agentevents.application.port.in.feed.ListProjectEventsUseCase;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.domain.event.EventPage;

public class ListProjectEventsService implements ListProjectEventsUseCase {

    private final EventLog eventLog;

    public ListProjectEventsService(EventLog eventLog) {
        this.eventLog = eventLog;
    }

    @Override
    public EventPage list(ListProjectEventsQuery query) {
        Access.requireReader(query.caller(), query.project());
        return eventLog.page(query.project(), query.page());
    }
}
