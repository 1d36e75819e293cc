package io.agentevents.application.service.feed;

import io.agentevents.application.port.in.feed.ListProjectEventsQuery;
import io.agentevents.application.port.in.feed.ListProjectEventsUseCase;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.event.EventPage;
import java.util.concurrent.CompletionStage;

public class ListProjectEventsService implements ListProjectEventsUseCase {

    private final EventLog eventLog;
    private final StoreCalls calls;

    public ListProjectEventsService(EventLog eventLog, StoreCalls calls) {
        this.calls = calls;
        this.eventLog = eventLog;
    }

    @Override
    public CompletionStage<EventPage> list(ListProjectEventsQuery query) {
        return calls.supply(() -> listNow(query));
    }

    private EventPage listNow(ListProjectEventsQuery query) {
        Access.requireReader(query.caller(), query.project());
        return eventLog.page(query.project(), query.page());
    }
}
