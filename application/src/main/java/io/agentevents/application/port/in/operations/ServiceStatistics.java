package io.agentevents.application.port.in.operations;

/**
 * Figures about the whole service for its gauges.
 *
 * @param agentsOnline agents the presence rules count as online now, across projects
 * @param eventsStored events in the log now, across projects
 * @param requestsKept requests made of agents kept now (with their answers), across projects
 */
public record ServiceStatistics(long agentsOnline, long eventsStored, long requestsKept) {

    public ServiceStatistics {
        if (agentsOnline < 0 || eventsStored < 0 || requestsKept < 0) {
            throw new IllegalArgumentException("statistics must not be negative");
        }
    }
}
