package io.agentevents.application.port.in.operations;

/** Counts across the whole service, for metrics; reads every recently seen session, so call it seldom. */
@FunctionalInterface
public interface ReadStatisticsUseCase {

    ServiceStatistics read();
}
