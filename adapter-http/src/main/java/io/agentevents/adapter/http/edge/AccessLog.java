package io.agentevents.adapter.http.edge;

import io.agentevents.adapter.http.client.ClientAddress;
import io.agentevents.adapter.http.support.ApiMetrics;
import io.agentevents.domain.ProjectId;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One log line and one latency sample per request once it is answered. The line carries request
 * id, method, route template, status, duration and project as key-value pairs (rendered as JSON
 * fields with {@code --log-format json}); server errors at WARN, the rest at INFO on the logger
 * {@code io.agentevents.access}. Headers, bodies and query strings are never logged: they carry
 * tokens and passwords.
 */
public final class AccessLog implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger("io.agentevents.access");
    private static final String ROUTE_KEY = "routeTemplate";

    private final ApiMetrics metrics;

    public AccessLog(ApiMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext context) {
        long started = System.nanoTime();
        context.addEndHandler(ended -> {
            long nanos = System.nanoTime() - started;
            int status = context.response().getStatusCode();
            String route = routeOf(context);
            String method = context.request().method().name();
            metrics.request(route, method, status, nanos);
            Level level = status >= 500 ? Level.WARN : Level.INFO;
            if (!LOG.isEnabledForLevel(level)) {
                return;
            }
            var line = LOG.atLevel(level)
                    .addKeyValue("request_id", RequestIds.of(context))
                    .addKeyValue("method", method)
                    .addKeyValue("route", route)
                    .addKeyValue("client", ClientAddress.of(context))
                    .addKeyValue("status", status)
                    .addKeyValue("duration_ms", nanos / 1_000_000.0);
            String project = context.pathParam("project");
            if (project != null && ProjectId.isValid(project)) {
                line = line.addKeyValue("project", project);
            }
            line.log("request");
        });
        context.next();
    }

    /** Marks the request with the template of the route that serves it (a bounded value, unlike the path). */
    public static void markRoute(RoutingContext context, String template) {
        context.put(ROUTE_KEY, template);
    }

    private static String routeOf(RoutingContext context) {
        String template = context.get(ROUTE_KEY);
        return template == null ? ApiMetrics.UNMATCHED : template;
    }
}
