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
 * The routes of the v2 events API, plus the operator's {@code /healthz}, {@code /readyz},
 * {@code /metrics} and {@code /openapi.json}. Vert.x matches a path with or without a trailing slash; a
 * known path asked with another method answers 405 with {@code Allow}.
 */
public final class ApiRouter {

    /** The largest request body accepted (SPEC: 413 above 64 KiB). */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** The route metadata key holding the statuses an operation answers (for the OpenAPI test). */
    public static final String STATUSES = "statuses";

    private static final List<Integer> READ = List.of(200, 401, 403, 404, 405, 429, 500, 503);
    private static final List<Integer> READ_WITH_QUERY = List.of(200, 400, 401, 403, 404, 405, 429, 500, 503);
    private static final List<Integer> WRITE = List.of(400, 401, 403, 404, 405, 409, 413, 415, 429, 500, 503);
    private static final List<Integer> OPERATOR = List.of(200, 405, 500);

    private final Vertx vertx;
    private final ApiUseCases useCases;
    private final JsonCodec codec;
    private final ApiOptions options;
    private final Blocking blocking;
    private final Authenticator authenticator;

    private ApiRouter(Vertx vertx, ApiUseCases useCases, JsonCodec codec, ApiOptions options) {
        this.vertx = vertx;
        this.useCases = useCases;
        this.codec = codec;
        this.options = options;
        this.blocking = new Blocking(vertx, options.storeMayBlock());
        this.authenticator = new Authenticator(useCases.identifyCaller(), blocking, options.metrics());
    }

    /** The API with default options, on use cases whose store may block: they run on worker threads. */
    public static Router create(Vertx vertx, ApiUseCases useCases, JsonCodec codec) {
        return create(vertx, useCases, codec, ApiOptions.defaults());
    }

    public static Router create(Vertx vertx, ApiUseCases useCases, JsonCodec codec, ApiOptions options) {
        return new ApiRouter(vertx, useCases, codec, options).build();
    }

    private Router build() {
        Router router = Router.router(vertx);
        ErrorMapper errors = new ErrorMapper(codec, options.metrics());
        options.metrics().watch(options.waitingPolls());
        router.route().handler(new RequestIds());
        router.route().handler(new AccessLog(options.metrics()));
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        if (options.rateLimitPerSecond() > 0) {
            router.route("/v2/*").handler(new RateLimit(vertx, options.rateLimitPerSecond()));
        }

        Handler<RoutingContext> authenticated = authenticator;
        // Vert.x tries routes in order, each a regex match: agents' polls and heartbeats come first.
        resource(router, "/v2/:project/agents/:agent/events")
                .on(HttpMethod.POST, with(202, WRITE), authenticated, respond(idempotent(new PostAgentEventHandler(
                        useCases.activateAgent(), useCases.recordAgentEvent(), blocking, codec, options.metrics()))))
                .on(HttpMethod.GET, READ_WITH_QUERY, authenticated,
                        respond(new GetAgentEventsHandler(useCases.listAgentEvents(), useCases.watchAgentEvents(),
                                vertx, blocking, options.waitingPolls(), options.metrics())))
                .otherMethodsNotAllowed();
        resource(router, "/v2/:project/events")
                .on(HttpMethod.POST, with(202, WRITE), authenticated, respond(idempotent(
                        new PostProjectEventHandler(useCases.activateAgents(), blocking, codec, options.metrics()))))
                .on(HttpMethod.GET, READ_WITH_QUERY, authenticated,
                        respond(new GetProjectEventsHandler(useCases.listProjectEvents(), blocking)))
                .otherMethodsNotAllowed();
        resource(router, "/v2/:project/agents/:agent/status")
                .on(HttpMethod.GET, READ, authenticated,
                        respond(new GetAgentStatusHandler(useCases.agentStatus(), blocking)))
                .otherMethodsNotAllowed();
        // /agents/tokens must come before /agents/:agent, which would take "tokens" for an id.
        resource(router, "/v2/:project/agents/tokens")
                .on(HttpMethod.POST, with(200, WRITE),
                        respond(new PostAgentTokenHandler(useCases.authenticateAgent(), blocking, codec)))
                .otherMethodsNotAllowed();
        resource(router, "/v2/:project/agents")
                .on(HttpMethod.POST, with(201, WRITE), authenticated,
                        respond(idempotent(new PostAgentHandler(useCases.registerAgent(), blocking, codec))))
                .on(HttpMethod.GET, READ, authenticated, respond(new GetAgentsHandler(useCases.listAgents(), blocking)))
                .otherMethodsNotAllowed();
        resource(router, "/v2/:project/agents/:agent")
                .on(HttpMethod.GET, READ, authenticated, respond(new GetAgentHandler(useCases.getAgent(), blocking)))
                .on(HttpMethod.DELETE, List.of(204, 401, 403, 404, 405, 429, 500, 503), authenticated,
                        respond(new DeleteAgentHandler(useCases.deleteAgent(), blocking)))
                .otherMethodsNotAllowed();
        resource(router, "/v2/:project/agents/:agent/configuration")
                .on(HttpMethod.GET, READ, authenticated,
                        respond(new GetAgentConfigurationHandler(useCases.agentConfiguration(), blocking)))
                .otherMethodsNotAllowed();

        ServiceEndpoints service = new ServiceEndpoints(useCases.checkReadiness(), blocking, options.metrics());
        resource(router, "/healthz").on(HttpMethod.GET, OPERATOR, respond(service.health())).otherMethodsNotAllowed();
        resource(router, "/readyz").on(HttpMethod.GET, with(503, OPERATOR), respond(service.readiness()))
                .otherMethodsNotAllowed();
        resource(router, "/metrics").on(HttpMethod.GET, OPERATOR, respond(service.metrics())).otherMethodsNotAllowed();
        resource(router, "/openapi.json").on(HttpMethod.GET, OPERATOR, respond(service.openApi()))
                .otherMethodsNotAllowed();

        router.route().failureHandler(errors);
        router.errorHandler(404, errors);
        router.errorHandler(405, errors);
        router.errorHandler(413, errors);
        router.errorHandler(400, errors);
        router.errorHandler(500, errors);
        return router;
    }

    private static List<Integer> with(int status, List<Integer> others) {
        List<Integer> all = new ArrayList<>(others);
        all.add(status);
        return List.copyOf(all);
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

        /** @param statuses every status this operation can answer, as the OpenAPI document must list them */
        @SafeVarargs
        final Resource on(HttpMethod method, List<Integer> statuses, Handler<RoutingContext>... handlers) {
            Route route = router.route(method, path).putMetadata(STATUSES, List.copyOf(statuses));
            route.handler(context -> {
                AccessLog.markRoute(context, path);
                context.next();
            });
            for (Handler<RoutingContext> handler : handlers) {
                route.handler(handler);
            }
            methods.add(method.name());
            return this;
        }

        void otherMethodsNotAllowed() {
            String allow = String.join(", ", methods);
            router.route(path).handler(context -> {
                AccessLog.markRoute(context, path);
                context.fail(new MethodNotAllowedException(allow));
            });
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
