package io.agentevents.application.port.in.activation;

import java.util.concurrent.CompletionStage;

/** {@code POST /v2/{p}/events} with {@code agent_activate}. */
@FunctionalInterface
public interface ActivateAgentsUseCase {

    /**
     * Activates every agent of the project without holding the caller's thread while the
     * activation waits for its commit (a store may share one commit among many).
     *
     * @return completes once the activation is committed; fails with
     *         {@link io.agentevents.application.port.in.AccessDeniedException} unless an admin or
     *         creator of the project asks, or with the store's unavailability
     */
    CompletionStage<Void> activate(ActivateAgentsCommand command);
}
