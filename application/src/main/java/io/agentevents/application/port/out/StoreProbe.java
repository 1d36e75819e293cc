package io.agentevents.application.port.out;

/** A cheap round trip to the store, to tell whether it answers. */
@FunctionalInterface
public interface StoreProbe {

    /** Returns once the store has answered. @throws StoreUnavailableException if it does not, within its timeout */
    void ping();
}
