package io.agentevents.bootstrap.simulate;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** A non-blocking JSON client of the API, counting every request and every failure. */
final class ApiClient {

    /** One answer: status, headers, JSON body (empty object when there is none). */
    record Answer(int status, MultiMap headers, JsonObject body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final int UNUSED_SECONDS = 30;
    private static final int SILENT_SECONDS = 45;

    private final HttpClientAgent client;
    private final URI base;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    /** The errors by kind ("GET 429", "POST failed: Connection reset"), so a summary can say what went wrong. */
    final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

    ApiClient(Vertx vertx, URI base, int connections) {
        this(vertx, base, connections, Optional.empty());
    }

    /** @param sourceAddress the local address to connect from; empty: the system's choice */
    ApiClient(Vertx vertx, URI base, int connections, Optional<String> sourceAddress) {
        this.base = base;
        // Pooled connections are dropped after 30 s unused and closed after 45 s silent (longer than a
        // 30 s long-poll): both before the service's idle timeout (60 s by default) would close one
        // under a request about to be sent, as a load balancer's should be.
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(UNUSED_SECONDS)
                .setIdleTimeout(SILENT_SECONDS);
        sourceAddress.ifPresent(options::setLocalAddress);
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    Future<Answer> send(HttpMethod method, String path, String token, JsonObject body, long timeoutMillis) {
        return send(method, path, token, body == null ? null : body.toBuffer(), timeoutMillis);
    }

    /** A JSON array as the body: a JSON Patch. */
    Future<Answer> sendArray(HttpMethod method, String path, String token, JsonArray body, long timeoutMillis) {
        return send(method, path, token, body.toBuffer(), timeoutMillis);
    }

    private Future<Answer> send(HttpMethod method, String path, String token, Buffer body, long timeoutMillis) {
        requests.incrementAndGet();
        RequestOptions options = new RequestOptions().setMethod(method)
                .setHost(base.getHost()).setPort(base.getPort() < 0 ? 80 : base.getPort())
                .setURI(path).setIdleTimeout(timeoutMillis);
        if (token != null) {
            options.putHeader("X-Auth-Token", token);
        }
        if (body != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(buffer -> new Answer(response.statusCode(), response.headers(),
                        parse(buffer))))
                .onComplete(result -> {
                    if (result.failed() || result.result().status() >= 400) {
                        errors.incrementAndGet();
                        String kind = method + " " + (result.failed() ? "failed: " + result.cause().getMessage()
                                : Integer.toString(result.result().status()));
                        errorKinds.computeIfAbsent(kind, ignored -> new LongAdder()).increment();
                    }
                });
    }

    private static JsonObject parse(Buffer buffer) {
        if (buffer.length() == 0) {
            return new JsonObject();
        }
        try {
            return buffer.toJsonObject();
        } catch (RuntimeException notAnObject) {
            return new JsonObject();
        }
    }

    Future<Void> close() {
        return client.close();
    }
}
