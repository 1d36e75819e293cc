package io.agentevents.application.port.in.activation;

import io.agentevents.application.port.in.AccessDeniedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code POST /v2/{p}/events} with {@code agent_activate}. */
@FunctionalInterface
public interface ActivateAgentsUseCase {

    /** @throws AccessDeniedException unless an admin or creator of the project asks */
    void activate(ActivateAgentsCommand command);

    /**
     * {@link #activate} without holding the caller's thread while the activation waits for its
     * commit: access is checked at once (throwing as {@code activate} does), the stage completes
     * once the activation is committed. The default activates at once on the caller's thread.
     */
    default CompletionStage<Void> activateLater(ActivateAgentsCommand command) {
        activate(command);
        return CompletableFuture.completedFuture(null);
    }
}
