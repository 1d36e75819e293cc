package io.agentevents.application.service;

import io.agentevents.application.port.in.operations.CheckReadinessUseCase;
import io.agentevents.application.port.out.StoreProbe;

/** Ready when the store answers a ping; the in-memory store always does. */
public class CheckReadinessService implements CheckReadinessUseCase {

    private final StoreProbe store;

    public CheckReadinessService(StoreProbe store) {
        this.store = store;
    }

    @Override
    public void check() {
        store.ping();
    }
}
