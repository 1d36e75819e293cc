package io.agentevents.bootstrap;

/** The reference's examples on the in-memory store. */
class InMemoryReferenceConformanceTest extends ReferenceConformanceScenarios {

    @Override
    protected AppConfig onStore(AppConfig config) {
        return config;
    }
}
