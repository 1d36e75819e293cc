package io.agentevents.application.memory;

import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.EventLogContract;

class InMemoryEventLogTest extends EventLogContract {

    private final InMemoryEventLog log = new InMemoryEventLog();

    @Override
    protected EventLog eventLog() {
        return log;
    }
}
