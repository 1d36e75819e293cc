package io.agentevents.application.port.out;

import java.util.function.Supplier;

/**
 * Runs a use case's writes as one unit, so a failure leaves nothing half-written. Stores that
 * are used within the work join the transaction.
 */
@FunctionalInterface
public interface Transactions {

    /**
     * @return what {@code work} returned
     * @throws StoreUnavailableException if the store cannot be reached; nothing was written
     */
    <T> T inTransaction(Supplier<T> work);
}
