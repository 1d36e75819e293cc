package io.agentevents.bootstrap;

import io.agentevents.bootstrap.config.AppConfig;

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
