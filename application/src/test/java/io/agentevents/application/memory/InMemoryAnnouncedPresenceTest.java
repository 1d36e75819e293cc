package io.agentevents.application.memory;

import io.agentevents.application.port.out.AnnouncedPresenceContract;

class InMemoryAnnouncedPresenceTest extends AnnouncedPresenceContract {

    @Override
    protected Store store() {
        InMemoryProjectActivations activations = new InMemoryProjectActivations();
        InMemoryAgentSessionRepository sessions = new InMemoryAgentSessionRepository(activations);
        return new Store(new InMemoryAnnouncedPresence(sessions), sessions, activations);
    }
}
