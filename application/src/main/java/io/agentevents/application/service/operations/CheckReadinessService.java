package io.agentevents.application.service.operations;

import io.agentevents.application.port.in.operations.CheckReadinessUseCase;
import io.agentevents.application.port.in.operations.Readiness;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.StoreProbe;
import io.agentevents.application.service.access.RememberedIdentities;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Ready when the store answers a ping (the in-memory store always does); tells of the identity service beside. */
public class CheckReadinessService implements CheckReadinessUseCase {

    private final StoreProbe store;
    private final StoreCalls storeCalls;
    private final Optional<RememberedIdentities> identities;

    public CheckReadinessService(StoreProbe store) {
        this(store, StoreCalls.inline(), Optional.empty());
    }

    public CheckReadinessService(StoreProbe store, StoreCalls storeCalls, Optional<RememberedIdentities> identities) {
        this.store = store;
        this.storeCalls = storeCalls;
        this.identities = identities;
    }

    @Override
    public CompletionStage<Readiness> check() {
        return storeCalls.supply(() -> {
            store.ping();
            return true;
        }).thenCompose(storeAnswered -> identities
                .map(remembered -> remembered.reachable().thenApply(reachable -> new Readiness(
                        reachable ? Readiness.Identity.REACHABLE : Readiness.Identity.UNREACHABLE)))
                .orElseGet(() -> CompletableFuture.completedFuture(new Readiness(Readiness.Identity.NOT_CONFIGURED))));
    }
}
