package io.agentevents.application.port.in.operations;

/** Whether this node can serve: its store answers. */
@FunctionalInterface
public interface CheckReadinessUseCase {

    /** @throws io.agentevents.application.port.out.StoreUnavailableException if the store does not answer */
    void check();
}
