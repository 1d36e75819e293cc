package io.agentevents.application.port.in.operations;

import java.util.concurrent.CompletionStage;

/** Announces offline, in their projects' feeds, the agents announced online that have been offline for the hold-down. */
public interface SweepPresenceUseCase {

    /**
     * @return completes with how many agents were announced offline; fails with
     *         {@code StoreUnavailableException} if the store cannot be reached (nothing was announced)
     */
    CompletionStage<Integer> sweep();
}
