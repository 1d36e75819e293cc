package io.agentevents.adapter.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request once it is answered: request id, method, path, status, duration.
 * Successes at DEBUG (agents poll every second), client errors at INFO, server errors at WARN.
 * Headers and bodies are never logged: they carry tokens and passwords.
 */
public final class AccessLog implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

    @Override
    public void handle(RoutingContext context) {
        long started = System.nanoTime();
        context.addEndHandler(ended -> {
            int status = context.response().getStatusCode();
            long millis = (System.nanoTime() - started) / 1_000_000;
            String line = "{} {} {} -> {} in {} ms";
            Object[] values = {RequestIds.of(context), context.request().method(), context.request().path(), status, millis};
            if (status >= 500) {
                LOG.warn(line, values);
            } else if (status >= 400) {
                LOG.info(line, values);
            } else {
                LOG.debug(line, values);
            }
        });
        context.next();
    }
}
