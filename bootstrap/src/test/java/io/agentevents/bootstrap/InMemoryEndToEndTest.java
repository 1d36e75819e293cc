package io.agentevents.bootstrap;

class InMemoryEndToEndTest extends EndToEndScenarios {

    @Override
    protected AppConfig onStore(AppConfig config) {
        return config;
    }
}
