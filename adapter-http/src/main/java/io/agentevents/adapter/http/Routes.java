package io.agentevents.adapter.http;

import io.agentevents.adapter.http.edge.AccessLog;
import io.agentevents.adapter.http.edge.IdempotencyGuard;
import io.agentevents.adapter.http.edge.MethodNotAllowedException;
import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.PlainText;
import io.agentevents.adapter.http.support.RawJson;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.application.port.in.idempotency.RunOnceUseCase;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the API's operations are put on the router: one route per path, its methods picked after
 * the path matched; endpoints whose replies are written, and failures handed to the error mapper;
 * POSTs made idempotent.
 */
final class Routes {

    private final Router router;
    private final Handler<RoutingContext> authenticator;
    private final JsonCodec codec;
    private final RunOnceUseCase runOnce;

    Routes(Router router, Handler<RoutingContext> authenticator, JsonCodec codec, RunOnceUseCase runOnce) {
        this.router = router;
        this.authenticator = authenticator;
        this.codec = codec;
        this.runOnce = runOnce;
    }

    /** A path whose operations need a token. */
    Resource secured(String path) {
        return new Resource(router, path, authenticator);
    }

    /** A path whose operations need no token. */
    Resource open(String path) {
        return new Resource(router, path, null);
    }

    Endpoint idempotent(Endpoint endpoint) {
        return new IdempotencyGuard(endpoint, runOnce, codec);
    }

    /**
     * One path and its methods, as one route: the method picks the operation after the path
     * matched once. A method the path lacks gets 405 with our error body and an {@code Allow}
     * list (Vert.x's own 405 has neither), before any authentication.
     */
    final class Resource {

        private final Router router;
        private final String path;
        private final Handler<RoutingContext> authentication;
        private final Map<HttpMethod, Handler<RoutingContext>> operations = new LinkedHashMap<>();

        /** @param authentication run before any of the path's operations; null where they are open */
        private Resource(Router router, String path, Handler<RoutingContext> authentication) {
            this.router = router;
            this.path = path;
            this.authentication = authentication;
        }

        /** The operation of {@code method} on this path, writing its own answer (a stream); failures it raises go to the error mapper. */
        Resource streaming(HttpMethod method, Handler<RoutingContext> handler) {
            operations.put(method, context -> {
                try {
                    handler.handle(context);
                } catch (RuntimeException failure) {
                    context.fail(failure);
                }
            });
            return this;
        }

        /** The operation of {@code method} on this path: the endpoint's reply is written. */
        Resource on(HttpMethod method, Endpoint endpoint) {
            operations.put(method, respond(endpoint));
            return this;
        }

        void register() {
            List<String> methods = operations.keySet().stream().map(HttpMethod::name).toList();
            String allow = String.join(", ", methods);
            Route route = router.route(path).putMetadata(ApiRouter.METHODS, methods);
            route.handler(context -> {
                AccessLog.markRoute(context, path);
                if (operations.containsKey(context.request().method())) {
                    context.next();
                } else {
                    context.fail(new MethodNotAllowedException(allow));
                }
            });
            if (authentication != null) {
                route.handler(authentication);
            }
            route.handler(context -> operations.get(context.request().method()).handle(context));
        }
    }

    /** Runs an endpoint and writes its reply; any failure, thrown or not, goes to the ErrorMapper. */
    private Handler<RoutingContext> respond(Endpoint endpoint) {
        return context -> {
            try {
                endpoint.handle(context).onComplete(result -> {
                    if (result.succeeded()) {
                        write(context, result.result());
                    } else {
                        context.fail(result.cause());
                    }
                });
            } catch (RuntimeException failure) {
                context.fail(failure);
            }
        };
    }

    private void write(RoutingContext context, Reply reply) {
        HttpServerResponse response = context.response().setStatusCode(reply.status());
        reply.headers().forEach(response::putHeader);
        if (reply.body().isEmpty()) {
            response.end();
            return;
        }
        Object body = reply.body().get();
        if (body instanceof PlainText text) {
            response.putHeader("Content-Type", text.contentType()).end(text.text());
            return;
        }
        String json = body instanceof RawJson raw ? raw.text() : codec.write(body);
        response.putHeader("Content-Type", "application/json; charset=utf-8").end(json);
    }
}
