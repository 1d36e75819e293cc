package io.agentevents.application.memory;

import io.agentevents.application.port.out.Logfiles;
import io.agentevents.application.port.out.LogfilesContract;

class InMemoryLogfilesTest extends LogfilesContract {

    @Override
    protected Logfiles logfiles() {
        return new InMemoryLogfiles();
    }
}
