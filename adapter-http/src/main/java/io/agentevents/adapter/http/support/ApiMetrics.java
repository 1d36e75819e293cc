package io.agentevents.adapter.http.support;

import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.domain.activation.Mode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the API counts, on a Micrometer registry the caller picks, and how {@code GET /metrics}
 * renders it. Tags take values from small fixed sets only (route templates, known methods), so
 * garbage requests cannot grow the number of series.
 */
public final class ApiMetrics {

    /** Prometheus' text exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** The route tag of a request no route matched. */
    public static final String UNMATCHED = "unmatched";

    private static final Set<String> KNOWN_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    /** Latency buckets from a fast poll to the longest long-poll. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    private final Supplier<String> scrape;
    private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
    private final Map<String, Counter> activations = new ConcurrentHashMap<>();
    private final Counter storeErrors;

    /**
     * @param registry where meters go
     * @param scrape   renders every meter of the registry in Prometheus' text format
     */
    public ApiMetrics(MeterRegistry registry, Supplier<String> scrape) {
        this.registry = registry;
        this.scrape = scrape;
        this.storeErrors = Counter.builder("agent.events.store.errors")
                .description("requests answered 503 because the store was unreachable")
                .register(registry);
    }

    /** Meters that go nowhere, for embedders and tests that do not look at them. */
    public static ApiMetrics discarding() {
        return new ApiMetrics(new SimpleMeterRegistry(), () -> "");
    }

    public void request(String route, String method, int status, long nanos) {
        String knownMethod = KNOWN_METHODS.contains(method) ? method : "OTHER";
        String key = route + ' ' + knownMethod + ' ' + status;
        requestTimers.computeIfAbsent(key, ignored -> Timer.builder("http.server.requests")
                        .description("HTTP requests by route template, method and status")
                        .tags("route", route, "method", knownMethod, "status", Integer.toString(status))
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void activated(String scope, Mode mode) {
        activations.computeIfAbsent(scope + ' ' + mode, ignored -> Counter.builder("agent.events.activations")
                        .description("activations accepted, by scope (project or agent) and mode")
                        .tags("scope", scope, "mode", WireNames.of(mode))
                        .register(registry))
                .increment();
    }

    public void storeFailed() {
        storeErrors.increment();
    }

    public void watch(WaitingPolls polls) {
        Gauge.builder("agent.events.long.polls.waiting", polls, WaitingPolls::waiting)
                .description("long-polls waiting on this node")
                .register(registry);
    }

    public String scrape() {
        return scrape.get();
    }
}
