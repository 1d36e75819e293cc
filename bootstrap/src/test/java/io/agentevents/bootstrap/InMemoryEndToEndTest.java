package io.agentevents.bootstrap;

class InMemoryEndToEndTest extends EndToEndScenarios {

    @Override
    protected AppConfig onStore(AppConfig config) {
        return config;
    }

    @Override
    protected boolean remembersAnswers() {
        return false;
    }
}
