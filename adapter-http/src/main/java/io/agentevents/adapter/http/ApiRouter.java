package io.agentevents.adapter.http;

import io.agentevents.adapter.http.edge.AccessLog;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.edge.ErrorMapper;
import io.agentevents.adapter.http.edge.IdempotencyGuard;
import io.agentevents.adapter.http.edge.JsonOnlyBodies;
import io.agentevents.adapter.http.edge.MethodNotAllowedException;
import io.agentevents.adapter.http.edge.RateLimit;
import io.agentevents.adapter.http.edge.RequestIds;
import io.agentevents.adapter.http.edge.WellFormedUris;
import io.agentevents.adapter.http.route.DeleteAgentHandler;
import io.agentevents.adapter.http.route.GetAgentConfigurationHandler;
import io.agentevents.adapter.http.route.GetAgentEventsHandler;
import io.agentevents.adapter.http.route.GetAgentHandler;
import io.agentevents.adapter.http.route.GetAgentStatusHandler;
import io.agentevents.adapter.http.route.GetAgentsHandler;
import io.agentevents.adapter.http.route.GetProjectEventsHandler;
import io.agentevents.adapter.http.route.PatchAgentHandler;
import io.agentevents.adapter.http.route.PostAgentEventHandler;
import io.agentevents.adapter.http.route.PostAgentHandler;
import io.agentevents.adapter.http.route.PostAgentTokenHandler;
import io.agentevents.adapter.http.route.PostProjectEventHandler;
import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.PlainText;
import io.agentevents.adapter.http.support.RawJson;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.VertxWorkers;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of the v2 events API, plus the operator's {@code /healthz}, {@code /readyz},
 * {@code /metrics} and {@code /openapi.json}. Vert.x matches a path with or without a trailing slash; a
 * known path asked with another method answers 405 with {@code Allow}. What each operation
 * answers is in the OpenAPI document ({@code openapi.json}), which tests hold every answer to.
 */
public final class ApiRouter {

    /** The largest request body accepted (SPEC: 413 above 64 KiB). */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** The route metadata key holding the names of the methods the route's path answers (for the OpenAPI test). */
    public static final String METHODS = "methods";

    private final Vertx vertx;
    private final ApiUseCases useCases;
    private final JsonCodec codec;
    private final ApiOptions options;
    private final Authenticator authenticator;

    private ApiRouter(Vertx vertx, ApiUseCases useCases, JsonCodec codec, ApiOptions options) {
        this.vertx = vertx;
        this.useCases = useCases;
        this.codec = codec;
        this.options = options;
        this.authenticator = new Authenticator(useCases.identifyCaller());
    }

    /** The API with default options. */
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
        router.route().handler(new WellFormedUris());
        router.route().handler(new JsonOnlyBodies());
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        if (options.rateLimitPerSecond() > 0) {
            router.route("/v2/*").handler(new RateLimit(vertx, options.rateLimitPerSecond()));
        }

        // Vert.x tries routes in order, each a regex match: agents' polls and heartbeats come first,
        // and each path is one route, so a request costs one match per path tried, not one per method.
        PublicUrl publicUrl = options.publicUrl();
        resource(router, "/v2/:project/agents/:agent/events", authenticator)
                .on(HttpMethod.POST, respond(idempotent(new PostAgentEventHandler(
                        useCases.activateAgent(), useCases.recordAgentEvent(), codec, options.metrics()))))
                .on(HttpMethod.GET, respond(new GetAgentEventsHandler(useCases.listAgentEvents(),
                        useCases.awaitAgentEvents(), vertx, options.waitingPolls(), publicUrl)))
                .register();
        resource(router, "/v2/:project/events", authenticator)
                .on(HttpMethod.POST, respond(idempotent(
                        new PostProjectEventHandler(useCases.activateAgents(), codec, options.metrics()))))
                .on(HttpMethod.GET, respond(new GetProjectEventsHandler(useCases.listProjectEvents(), publicUrl)))
                .register();
        resource(router, "/v2/:project/agents/:agent/status", authenticator)
                .on(HttpMethod.GET, respond(new GetAgentStatusHandler(useCases.agentStatus())))
                .register();
        // /agents/tokens must come before /agents/:agent, which would take "tokens" for an id.
        resource(router, "/v2/:project/agents/tokens", null)
                .on(HttpMethod.POST, respond(new PostAgentTokenHandler(useCases.authenticateAgent(), codec)))
                .register();
        resource(router, "/v2/:project/agents", authenticator)
                .on(HttpMethod.POST, respond(idempotent(new PostAgentHandler(useCases.registerAgent(), codec,
                        publicUrl))))
                .on(HttpMethod.GET, respond(new GetAgentsHandler(useCases.listAgents(), publicUrl)))
                .register();
        resource(router, "/v2/:project/agents/:agent", authenticator)
                .on(HttpMethod.GET, respond(new GetAgentHandler(useCases.getAgent(), publicUrl)))
                .on(HttpMethod.PATCH, respond(new PatchAgentHandler(useCases.updateAgent(), codec)))
                .on(HttpMethod.DELETE, respond(new DeleteAgentHandler(useCases.deleteAgent())))
                .register();
        resource(router, "/v2/:project/agents/:agent/configuration", authenticator)
                .on(HttpMethod.GET, respond(new GetAgentConfigurationHandler(useCases.agentConfiguration(),
                        publicUrl)))
                .register();

        ServiceEndpoints service = new ServiceEndpoints(useCases.checkReadiness(), new VertxWorkers(vertx),
                options.metrics());
        resource(router, "/healthz", null).on(HttpMethod.GET, respond(service.health())).register();
        resource(router, "/readyz", null).on(HttpMethod.GET, respond(service.readiness())).register();
        resource(router, "/metrics", null).on(HttpMethod.GET, respond(service.metrics())).register();
        resource(router, "/openapi.json", null).on(HttpMethod.GET, respond(service.openApi())).register();

        router.route().failureHandler(errors);
        router.errorHandler(404, errors);
        router.errorHandler(405, errors);
        router.errorHandler(413, errors);
        router.errorHandler(400, errors);
        router.errorHandler(500, errors);
        return router;
    }

    private Endpoint idempotent(Endpoint endpoint) {
        return new IdempotencyGuard(endpoint, useCases.runOnce(), codec);
    }

    /** @param authentication run before any of the path's operations; null where they are open */
    private static Resource resource(Router router, String path, Handler<RoutingContext> authentication) {
        return new Resource(router, path, authentication);
    }

    /**
     * One path and its methods, as one route: the method picks the operation after the path
     * matched once. A method the path lacks gets 405 with our error body and an {@code Allow}
     * list (Vert.x's own 405 has neither), before any authentication.
     */
    private static final class Resource {

        private final Router router;
        private final String path;
        private final Handler<RoutingContext> authentication;
        private final Map<HttpMethod, Handler<RoutingContext>> operations = new LinkedHashMap<>();

        Resource(Router router, String path, Handler<RoutingContext> authentication) {
            this.router = router;
            this.path = path;
            this.authentication = authentication;
        }

        Resource on(HttpMethod method, Handler<RoutingContext> operation) {
            operations.put(method, operation);
            return this;
        }

        void register() {
            List<String> methods = operations.keySet().stream().map(HttpMethod::name).toList();
            String allow = String.join(", ", methods);
            Route route = router.route(path).putMetadata(METHODS, methods);
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
