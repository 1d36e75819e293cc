package io.agentevents.bootstrap;

import io.agentevents.bootstrap.config.AppConfig;

/** The reference's examples on the in-memory store. */
class InMemoryReferenceConformanceTest extends ReferenceConformanceScenarios {

    @Override
    protected AppConfig onStore(AppConfig config) {
        return config;
    }
}
