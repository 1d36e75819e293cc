package io.agentevents.bootstrap;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The API's HTTP server as one instance on each of several event loops, sharing one port: Vert.x
 * hands each new connection to the next instance, so the work of many connections (a project-wide
 * wake-up answers thousands at once) spreads over the cores instead of queueing on one thread.
 * Every instance serves the same router; what they share is thread-safe.
 */
final class HttpServers {

    private final List<HttpServer> servers;

    private HttpServers(List<HttpServer> servers) {
        this.servers = List.copyOf(servers);
    }

    /**
     * Listens with {@code count} instances on one port (port 0: a free port, the same for all).
     *
     * @throws IllegalStateException if the port cannot be bound (in use, say); what did listen is
     *                               closed again
     */
    static HttpServers listen(Vertx vertx, HttpServerOptions options, Handler<HttpServerRequest> requests,
                              Handler<HttpServerRequest> invalidRequests, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one HTTP server instance is needed");
        }
        List<HttpServer> started = Collections.synchronizedList(new ArrayList<>());
        try {
            // A negative port is Vert.x's way of saying "a free port, the same for every instance".
            HttpServerOptions shared = new HttpServerOptions(options)
                    .setPort(options.getPort() == 0 ? -1 : options.getPort());
            deploy(vertx, shared, requests, invalidRequests, count, started);
        } catch (Exception failed) { // Vert.x rethrows a BindException as it is, unchecked or not
            started.forEach(server -> server.close());
            throw new IllegalStateException("cannot listen on port " + options.getPort() + ": " + failed.getMessage(),
                    failed);
        }
        return new HttpServers(started);
    }

    private static void deploy(Vertx vertx, HttpServerOptions options, Handler<HttpServerRequest> requests,
                               Handler<HttpServerRequest> invalidRequests, int instances, List<HttpServer> started) {
        vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                return vertx.createHttpServer(options)
                        .requestHandler(requests)
                        .invalidRequestHandler(invalidRequests)
                        .listen()
                        .onSuccess(started::add);
            }
        }, new DeploymentOptions().setInstances(instances)).await();
    }

    int port() {
        return servers.get(0).actualPort();
    }

    int instances() {
        return servers.size();
    }

    /** Stops accepting connections and lets in-flight requests finish, up to the grace period. */
    void shutdown(long grace, TimeUnit unit) {
        Future.all(servers.stream().map(server -> server.shutdown(grace, unit)).toList()).await();
    }
}
