package io.agentevents.application.port.in.operations;

import java.util.concurrent.CompletionStage;

/**
 * Writes this node's buffered check-ins and heartbeats, with the heartbeat events they earn, in
 * one transaction. If the store cannot be reached, the observations stay buffered for the next
 * flush and the failure propagates.
 */
@FunctionalInterface
public interface FlushPresenceUseCase {

    /** @return how many agents' presence was written */
    /** @return completes with the answer, or fails with what went wrong */
    CompletionStage<Integer> flush();
}
