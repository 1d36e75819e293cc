package io.agentevents.application.port.in.operations;

import java.util.concurrent.CompletionStage;

/** Counts across the whole service, for metrics; reads every recently seen session, so call it seldom. */
@FunctionalInterface
public interface ReadStatisticsUseCase {

    /** @return completes with the answer, or fails with what went wrong */
    CompletionStage<ServiceStatistics> read();
}
