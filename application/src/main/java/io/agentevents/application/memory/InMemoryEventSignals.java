package io.agentevents.application.memory;

import io.agentevents.application.port.out.EventSignals;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import java.util.Optional;

/** Signals within one process: the in-memory event log raises them right after each append. */
public class InMemoryEventSignals implements EventSignals {

    private volatile Listener listener;

    @Override
    public void listen(Listener newListener) {
        this.listener = newListener;
    }

    void appended(ProjectId project, Optional<AgentId> agent) {
        Listener current = listener;
        if (current != null) {
            current.appended(project, agent);
        }
    }
}
