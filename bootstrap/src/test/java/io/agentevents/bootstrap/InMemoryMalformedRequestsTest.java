package io.agentevents.bootstrap;

import io.agentevents.bootstrap.config.AppConfig;

/** The robustness suite on the in-memory store. */
class InMemoryMalformedRequestsTest extends MalformedRequestsScenarios {

    @Override
    protected AppConfig onStore(AppConfig config) {
        return config;
    }

    @Override
    protected int defaultRequests() {
        return 10_000;
    }
}
