package io.agentevents.adapter.http;

import io.agentevents.adapter.http.client.ClientAddress;
import io.agentevents.adapter.http.edge.AccessLog;
import io.agentevents.adapter.http.edge.BodyLimits;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.edge.ErrorMapper;
import io.agentevents.adapter.http.edge.JsonOnlyBodies;
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
import io.agentevents.adapter.http.stream.ProjectEventStream;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.VertxWorkers;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * The routes of the v2 events API, plus the operator's {@code /healthz}, {@code /readyz},
 * {@code /metrics} and {@code /openapi.json}, and the {@link Dashboard}. Vert.x matches a path with or without a trailing slash; a
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

    /** {@code POST /v2/{p}/agents/tokens}, told apart before routing. */
    private static boolean isSignIn(io.vertx.ext.web.RoutingContext context) {
        String path = context.normalizedPath();
        return context.request().method() == HttpMethod.POST
                && (path.endsWith("/agents/tokens") || path.endsWith("/agents/tokens/"))
                && path.indexOf('/', "/v2/".length()) == path.indexOf("/agents/tokens");
    }

    private Router build() {
        Router router = Router.router(vertx);
        ErrorMapper errors = new ErrorMapper(codec, options.metrics());
        options.metrics().watch(options.waitingPolls());
        router.route().handler(new RequestIds());
        router.route().handler(new ClientAddress(options.trustedProxies()));
        router.route().handler(new AccessLog(options.metrics()));
        router.route().handler(new WellFormedUris());
        if (!options.crossOrigins().isEmpty()) {
            // Before the limits and authentication: a preflight carries no token and is answered here.
            router.route().handler(options.crossOrigins());
        }
        router.route().handler(new JsonOnlyBodies());
        router.route().handler(new BodyLimits(options.browseAnswerLimit()));
        if (options.rateLimitPerSecond() > 0) {
            // Sign-ins are outside the budget: a wrong password is answered late instead, a right one never refused.
            router.route("/v2/*").handler(new RateLimit(vertx, options.rateLimitPerSecond(), ApiRouter::isSignIn));
        }

        // Vert.x tries routes in order, each a regex match: agents' polls and heartbeats come first,
        // and each path is one route, so a request costs one match per path tried, not one per method.
        PublicUrl publicUrl = options.publicUrl();
        Routes routes = new Routes(router, authenticator, codec, useCases.runOnce());
        routes.secured("/v2/:project/agents/:agent/events")
                .on(HttpMethod.POST, routes.idempotent(new PostAgentEventHandler(
                        useCases.activateAgent(), useCases.recordAgentEvent(), codec, options.metrics())))
                .on(HttpMethod.GET, new GetAgentEventsHandler(useCases.listAgentEvents(),
                        useCases.awaitAgentEvents(), vertx, options.waitingPolls(), publicUrl, options.logfileLinks()))
                .register();
        routes.secured("/v2/:project/events/stream")
                .streaming(HttpMethod.GET, new ProjectEventStream(useCases.streamProjectEvents(), options.waitingPolls(),
                        codec, options.logfileLinks(), options.streamKeepAlive()))
                .register();
        routes.secured("/v2/:project/events")
                .on(HttpMethod.POST, routes.idempotent(
                        new PostProjectEventHandler(useCases.activateAgents(), codec, options.metrics())))
                .on(HttpMethod.GET, new GetProjectEventsHandler(useCases.listProjectEvents(), publicUrl,
                        options.logfileLinks()))
                .register();
        routes.secured("/v2/:project/agents/:agent/status")
                .on(HttpMethod.GET, new GetAgentStatusHandler(useCases.agentStatus()))
                .register();
        // /agents/tokens must come before /agents/:agent, which would take "tokens" for an id.
        routes.open("/v2/:project/agents/tokens")
                .on(HttpMethod.POST, new PostAgentTokenHandler(useCases.authenticateAgent(), codec))
                .register();
        routes.secured("/v2/:project/agents")
                .on(HttpMethod.POST, routes.idempotent(new PostAgentHandler(useCases.registerAgent(), codec,
                        publicUrl)))
                .on(HttpMethod.GET, new GetAgentsHandler(useCases.listAgents(), publicUrl))
                .register();
        routes.secured("/v2/:project/agents/:agent")
                .on(HttpMethod.GET, new GetAgentHandler(useCases.getAgent(), publicUrl))
                .on(HttpMethod.PATCH, new PatchAgentHandler(useCases.updateAgent(), codec))
                .on(HttpMethod.DELETE, new DeleteAgentHandler(useCases.deleteAgent()))
                .register();
        routes.secured("/v2/:project/agents/:agent/configuration")
                .on(HttpMethod.GET, new GetAgentConfigurationHandler(useCases.agentConfiguration(),
                        publicUrl))
                .register();
        new AgentRequestRoutes(routes, useCases.requests(), codec, options).register();

        ServiceEndpoints service = new ServiceEndpoints(useCases.checkReadiness(), new VertxWorkers(vertx),
                options.metrics());
        routes.open("/healthz").on(HttpMethod.GET, service.health()).register();
        routes.open("/readyz").on(HttpMethod.GET, service.readiness()).register();
        routes.open("/metrics").on(HttpMethod.GET, service.metrics()).register();
        routes.open("/openapi.json").on(HttpMethod.GET, service.openApi()).register();
        Dashboard.register(router);

        router.route().failureHandler(errors);
        router.errorHandler(404, errors);
        router.errorHandler(405, errors);
        router.errorHandler(413, errors);
        router.errorHandler(400, errors);
        router.errorHandler(500, errors);
        return router;
    }
}
