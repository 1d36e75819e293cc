package io.agentevents.adapter.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * The routes of the v2 events API. Vert.x matches a path with or without a trailing slash; a
 * known path asked with another method answers 405 with {@code Allow}.
 */
public final class ApiRouter {

    /** The largest request body accepted (SPEC: 413 above 64 KiB). */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final ApiUseCases useCases;
    private final JsonCodec codec;
    private final Blocking blocking;
    private final Authenticator authenticator;

    private ApiRouter(Vertx vertx, ApiUseCases useCases, JsonCodec codec, boolean storeMayBlock) {
        this.vertx = vertx;
        this.useCases = useCases;
        this.codec = codec;
        this.blocking = new Blocking(vertx, storeMayBlock);
        this.authenticator = new Authenticator(useCases.identifyCaller(), blocking);
    }

    /** The API on use cases whose store may block: they run on worker threads. */
    public static Router create(Vertx vertx, ApiUseCases useCases, JsonCodec codec) {
        return create(vertx, useCases, codec, true);
    }

    /**
     * @param storeMayBlock false when every store call returns at once (the in-memory store): use
     *                      cases then run on the event loop, except password hashing
     */
    public static Router create(Vertx vertx, ApiUseCases useCases, JsonCodec codec, boolean storeMayBlock) {
        return new ApiRouter(vertx, useCases, codec, storeMayBlock).build();
    }

    private Router build() {
        Router router = Router.router(vertx);
        ErrorMapper errors = new ErrorMapper(codec);
        router.route().handler(new RequestIds());
        router.route().handler(new AccessLog());
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));

        Handler<RoutingContext> authenticated = authenticator;
        // Vert.x tries routes in order, each a regex match: agents' polls and heartbeats come first.
        resource(router, "/v2/:project/agents/:agent/events")
                .on(HttpMethod.POST, authenticated, respond(idempotent(new PostAgentEventHandler(
                        useCases.activateAgent(), useCases.recordAgentEvent(), blocking, codec))))
                .on(HttpMethod.GET, authenticated,
                        respond(new GetAgentEventsHandler(useCases.listAgentEvents(), useCases.watchAgentEvents(),
                                vertx, blocking)))
                .otherMethodsNotAllowed();
        resource(router, "/v2/:project/events")
                .on(HttpMethod.POST, authenticated,
                        respond(idempotent(new PostProjectEventHandler(useCases.activateAgents(), blocking, codec))))
                .on(HttpMethod.GET, authenticated,
                        respond(new GetProjectEventsHandler(useCases.listProjectEvents(), blocking)))
                .otherMethodsNotAllowed();
        resource(router, "/v2/:project/agents/:agent/status")
                .on(HttpMethod.GET, authenticated, respond(new GetAgentStatusHandler(useCases.agentStatus(), blocking)))
                .otherMethodsNotAllowed();
        // /agents/tokens must come before /agents/:agent, which would take "tokens" for an id.
        resource(router, "/v2/:project/agents/tokens")
                .on(HttpMethod.POST, respond(new PostAgentTokenHandler(useCases.authenticateAgent(), blocking, codec)))
                .otherMethodsNotAllowed();
        resource(router, "/v2/:project/agents")
                .on(HttpMethod.POST, authenticated,
                        respond(idempotent(new PostAgentHandler(useCases.registerAgent(), blocking, codec))))
                .on(HttpMethod.GET, authenticated, respond(new GetAgentsHandler(useCases.listAgents(), blocking)))
                .otherMethodsNotAllowed();
        resource(router, "/v2/:project/agents/:agent")
                .on(HttpMethod.GET, authenticated, respond(new GetAgentHandler(useCases.getAgent(), blocking)))
                .on(HttpMethod.DELETE, authenticated, respond(new DeleteAgentHandler(useCases.deleteAgent(), blocking)))
                .otherMethodsNotAllowed();
        resource(router, "/v2/:project/agents/:agent/configuration")
                .on(HttpMethod.GET, authenticated,
                        respond(new GetAgentConfigurationHandler(useCases.agentConfiguration(), blocking)))
                .otherMethodsNotAllowed();

        router.route().failureHandler(errors);
        router.errorHandler(404, errors);
        router.errorHandler(405, errors);
        router.errorHandler(413, errors);
        router.errorHandler(400, errors);
        router.errorHandler(500, errors);
        return router;
    }

    private Endpoint idempotent(Endpoint endpoint) {
        return new IdempotencyGuard(endpoint, useCases.claimIdempotencyKey(), useCases.finishIdempotentRequest(),
                blocking, codec);
    }

    private static Resource resource(Router router, String path) {
        return new Resource(router, path);
    }

    /**
     * One path and its methods. Vert.x answers 405 itself but without our error body, and its
     * {@code Allow} list is out of reach from an error handler, so each path ends with a route
     * that answers 405 for the methods it lacks.
     */
    private static final class Resource {

        private final Router router;
        private final String path;
        private final List<String> methods = new ArrayList<>();

        Resource(Router router, String path) {
            this.router = router;
            this.path = path;
        }

        @SafeVarargs
        final Resource on(HttpMethod method, Handler<RoutingContext>... handlers) {
            Route route = router.route(method, path);
            for (Handler<RoutingContext> handler : handlers) {
                route.handler(handler);
            }
            methods.add(method.name());
            return this;
        }

        void otherMethodsNotAllowed() {
            String allow = String.join(", ", methods);
            router.route(path).handler(context -> context.fail(new MethodNotAllowedException(allow)));
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
        String json = body instanceof RawJson raw ? raw.text() : codec.write(body);
        response.putHeader("Content-Type", "application/json; charset=utf-8").end(json);
    }
}
