package io.agentevents.adapter.http.support;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * One route's work: parse the request, call one use case (off the event loop), say what to
 * answer. Parsing may throw; {@link ApiRouter} turns any failure into an error response.
 */
@FunctionalInterface
public interface Endpoint {

    Future<Reply> handle(RoutingContext context);
}
