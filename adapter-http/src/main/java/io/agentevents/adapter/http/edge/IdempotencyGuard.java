package io.agentevents.adapter.http.edge;

import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.RawJson;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.wire.BadRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.application.port.in.idempotency.OnceOutcome;
import io.agentevents.application.port.in.idempotency.RunOnceCommand;
import io.agentevents.application.port.in.idempotency.RunOnceUseCase;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Makes a POST idempotent when the client sends {@code Idempotency-Key}: the same key with the
 * same request within 24 hours gets the first answer again without doing the work twice; the
 * same key with another request is a 409. A failed request releases its key for a retry. The
 * use case does that bookkeeping; what is kept for a replay (status, {@code Location}, a body
 * without secrets) is this adapter's, as a small JSON text.
 */
public final class IdempotencyGuard implements Endpoint {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final Endpoint inner;
    private final RunOnceUseCase runOnce;
    private final JsonCodec codec;

    public IdempotencyGuard(Endpoint inner, RunOnceUseCase runOnce, JsonCodec codec) {
        this.inner = inner;
        this.runOnce = runOnce;
        this.codec = codec;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        String key = context.request().getHeader(KEY_HEADER);
        if (key == null) {
            return inner.handle(context);
        }
        RunOnceCommand command;
        try {
            command = new RunOnceCommand(Authenticator.callerOf(context), key, fingerprint(context));
        } catch (IllegalArgumentException malformed) {
            throw new BadRequestException(malformed.getMessage());
        }
        Context requestContext = context.vertx().getOrCreateContext();
        return Stages.onContext(runOnce.runOnce(command, () -> onContext(requestContext, context), this::kept),
                context.vertx()).map(outcome -> outcome instanceof OnceOutcome.Replayed<Reply> replayed
                        ? replayOf(replayed.keptAnswer())
                        : ((OnceOutcome.CarriedOut<Reply>) outcome).result());
    }

    /** The endpoint runs on the request's own context, whichever thread the claim completed on. */
    private CompletionStage<Reply> onContext(Context requestContext, RoutingContext context) {
        Promise<Reply> reply = Promise.promise();
        Runnable run = () -> {
            try {
                inner.handle(context).onComplete(reply);
            } catch (RuntimeException failure) {
                reply.fail(failure);
            }
        };
        if (Context.isOnEventLoopThread() && context.vertx().getOrCreateContext() == requestContext) {
            run.run();
        } else {
            requestContext.runOnContext(ignored -> run.run());
        }
        return reply.future().toCompletionStage();
    }

    /** What a replay answers: the status, {@code Location} and the body without one-time secrets. */
    private String kept(Reply reply) {
        Optional<Object> stored = reply.replayableBody().or(reply::body);
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("status", reply.status());
        kept.put("location", reply.headers().get("Location"));
        kept.put("body", stored.map(codec::write).orElse(""));
        return codec.write(kept);
    }

    private Reply replayOf(String keptAnswer) {
        JsonNode kept = codec.readTree(keptAnswer);
        int status = kept.path("status").asInt();
        String body = kept.path("body").asText("");
        Reply reply = body.isEmpty() ? Reply.of(status) : Reply.json(status, new RawJson(body));
        Map<String, String> headers = new HashMap<>();
        headers.put(REPLAYED_HEADER, "true");
        if (kept.path("location").isTextual()) {
            headers.put("Location", kept.path("location").asText());
        }
        return reply.withHeaders(headers);
    }

    /** Method, path and a hash of the body: what makes two requests "the same". */
    private static String fingerprint(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        byte[] body = context.body().buffer() == null ? new byte[0] : context.body().buffer().getBytes();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(context.request().method().name().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) ' ');
            sha256.update(path.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) ' ');
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every JDK has SHA-256", missing);
        }
    }
}
