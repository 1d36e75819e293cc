package io.agentevents.application.port.in.operations;

/**
 * Writes this node's buffered check-ins and heartbeats, with the heartbeat events they earn, in
 * one transaction. If the store cannot be reached, the observations stay buffered for the next
 * flush and the failure propagates.
 */
@FunctionalInterface
public interface FlushPresenceUseCase {

    /** @return how many agents' presence was written */
    int flush();
}
