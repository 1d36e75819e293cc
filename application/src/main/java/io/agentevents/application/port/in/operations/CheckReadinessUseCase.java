package io.agentevents.application.port.in.operations;

import java.util.concurrent.CompletionStage;

/** Whether this node can serve: its store answers; and whether the identity service does. */
@FunctionalInterface
public interface CheckReadinessUseCase {

    /**
     * @return completes with what it found once the store has answered; fails with
     *         {@link io.agentevents.application.port.out.StoreUnavailableException} if the store does not
     */
    CompletionStage<Readiness> check();
}
