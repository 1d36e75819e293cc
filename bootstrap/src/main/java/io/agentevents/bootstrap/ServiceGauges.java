package io.agentevents.bootstrap;

import io.agentevents.application.port.in.operations.ReadStatisticsUseCase;
import io.agentevents.application.port.in.operations.ServiceStatistics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges for figures that take a store query (agents online, events stored, requests kept): read on a timer
 * off the event loop, so a scrape never waits on the store and many scrapers cost one query.
 */
final class ServiceGauges {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceGauges.class);
    static final Duration REFRESH = Duration.ofSeconds(15);

    private final AtomicReference<ServiceStatistics> latest = new AtomicReference<>(new ServiceStatistics(0, 0, 0));

    private ServiceGauges() {
    }

    /** Registers the gauges and refreshes them now and every {@link #REFRESH}; returns the timer id. */
    static long start(Vertx vertx, ReadStatisticsUseCase statistics, MeterRegistry registry) {
        ServiceGauges gauges = new ServiceGauges();
        Gauge.builder("agent.events.agents.online", gauges.latest, value -> value.get().agentsOnline())
                .description("agents online by the presence rules, across projects (refreshed every 15 s)")
                .register(registry);
        Gauge.builder("agent.events.event.log.size", gauges.latest, value -> value.get().eventsStored())
                .description("events in the log, across projects (refreshed every 15 s)")
                .register(registry);
        Gauge.builder("agent.events.agent.requests.kept", gauges.latest, value -> value.get().requestsKept())
                .description("requests made of agents kept, with their answers, across projects (refreshed every 15 s)")
                .register(registry);
        gauges.refresh(vertx, statistics);
        return vertx.setPeriodic(REFRESH.toMillis(), timer -> gauges.refresh(vertx, statistics));
    }

    private void refresh(Vertx vertx, ReadStatisticsUseCase statistics) {
        statistics.read().whenComplete((read, failed) -> {
            if (failed == null) {
                latest.set(read);
            } else {
                LOG.debug("statistics not refreshed: {}", failed.getMessage());
            }
        });
    }
}
