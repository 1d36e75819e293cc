package io.agentevents.adapter.http;

import io.agentevents.adapter.http.support.ApiMetrics;
import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.PlainText;
import io.agentevents.adapter.http.support.RawJson;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.support.VertxWorkers;
import io.agentevents.application.port.in.operations.CheckReadinessUseCase;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's endpoints, unauthenticated: liveness, readiness, metrics, and the OpenAPI
 * document of the API.
 */
final class ServiceEndpoints {

    static final String OPENAPI_RESOURCE = "/io/agentevents/adapter/http/openapi.json";

    private final CheckReadinessUseCase readiness;
    private final VertxWorkers workers;
    private final ApiMetrics metrics;
    private final RawJson openApi = new RawJson(openApiDocument());

    ServiceEndpoints(CheckReadinessUseCase readiness, VertxWorkers workers, ApiMetrics metrics) {
        this.readiness = readiness;
        this.workers = workers;
        this.metrics = metrics;
    }

    /** {@code GET /healthz}: the process runs and its event loop answers. */
    Endpoint health() {
        return context -> Future.succeededFuture(Reply.json(200, Map.of("status", "alive")));
    }

    /**
     * {@code GET /readyz}: 200 while the store answers, else 503 so a balancer sends traffic
     * elsewhere; with the identity service's state beside, which does not make the node unready.
     */
    Endpoint readiness() {
        return context -> Stages.onContext(readiness.check(), context.vertx()).map(found -> Reply.json(200,
                switch (found.identity()) {
                    case NOT_CONFIGURED -> Map.of("status", "ready");
                    case REACHABLE -> Map.of("status", "ready", "identity", "reachable");
                    case UNREACHABLE -> Map.of("status", "ready", "identity", "unreachable");
                }));
    }

    /** {@code GET /metrics}: every meter in Prometheus' text format, written on a worker (it walks every meter). */
    Endpoint metrics() {
        return context -> Stages.onContext(workers.supply(() -> new Reply(200, Map.of(),
                        Optional.of(new PlainText(metrics.scrape(), ApiMetrics.CONTENT_TYPE)), Optional.empty())),
                context.vertx());
    }

    /** {@code GET /openapi.json}: the OpenAPI 3 document of this API. */
    Endpoint openApi() {
        return context -> Future.succeededFuture(Reply.json(200, openApi));
    }

    static String openApiDocument() {
        try (InputStream in = ServiceEndpoints.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document is missing from the jar: " + OPENAPI_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
