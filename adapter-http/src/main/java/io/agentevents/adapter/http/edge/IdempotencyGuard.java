package io.agentevents.adapter.http.edge;

import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.RawJson;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.application.port.in.idempotency.ClaimIdempotencyKeyCommand;
import io.agentevents.application.port.in.idempotency.ClaimIdempotencyKeyUseCase;
import io.agentevents.application.port.in.idempotency.FinishIdempotentRequestCommand;
import io.agentevents.application.port.in.idempotency.FinishIdempotentRequestUseCase;
import io.agentevents.application.port.in.idempotency.IdempotencyClaim;
import io.agentevents.application.port.in.idempotency.IdempotentAnswer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a POST idempotent when the client sends {@code Idempotency-Key}: the same key with the
 * same request within 24 hours gets the first answer again without doing the work twice; the
 * same key with another request is a 409. A failed request releases its key for a retry.
 */
public final class IdempotencyGuard implements Endpoint {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final Endpoint inner;
    private final ClaimIdempotencyKeyUseCase claim;
    private final FinishIdempotentRequestUseCase finish;
    private final JsonCodec codec;

    public IdempotencyGuard(Endpoint inner, ClaimIdempotencyKeyUseCase claim, FinishIdempotentRequestUseCase finish,
                            JsonCodec codec) {
        this.inner = inner;
        this.claim = claim;
        this.finish = finish;
        this.codec = codec;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        String key = context.request().getHeader(KEY_HEADER);
        if (key == null) {
            return inner.handle(context);
        }
        ClaimIdempotencyKeyCommand command;
        try {
            command = new ClaimIdempotencyKeyCommand(Authenticator.callerOf(context), key, fingerprint(context));
        } catch (IllegalArgumentException malformed) {
            throw new BadRequestException(malformed.getMessage());
        }
        return Stages.onContext(claim.claim(command), context.vertx()).compose(outcome -> {
            if (outcome instanceof IdempotencyClaim.Replay replay) {
                return Future.succeededFuture(replayOf(replay.answer()));
            }
            return carryOut(context, (IdempotencyClaim.Claimed) outcome);
        });
    }

    private Future<Reply> carryOut(RoutingContext context, IdempotencyClaim.Claimed claimed) {
        Future<Reply> reply;
        try {
            reply = inner.handle(context);
        } catch (RuntimeException failure) {
            reply = Future.failedFuture(failure);
        }
        return reply.transform(done -> {
            Optional<IdempotentAnswer> answer = done.succeeded() ? Optional.of(answerOf(done.result())) : Optional.empty();
            return Stages.onContext(finish.finish(new FinishIdempotentRequestCommand(claimed, answer)), context.vertx())
                    .transform(ignored -> done.succeeded() ? Future.succeededFuture(done.result())
                            : Future.failedFuture(done.cause()));
        });
    }

    private IdempotentAnswer answerOf(Reply reply) {
        Optional<Object> stored = reply.replayableBody().or(reply::body);
        return new IdempotentAnswer(reply.status(), Optional.ofNullable(reply.headers().get("Location")),
                stored.map(codec::write).orElse(""));
    }

    private static Reply replayOf(IdempotentAnswer answer) {
        Reply reply = answer.body().isEmpty() ? Reply.of(answer.status()) : Reply.json(answer.status(), new RawJson(answer.body()));
        Map<String, String> headers = new HashMap<>();
        headers.put(REPLAYED_HEADER, "true");
        answer.location().ifPresent(location -> headers.put("Location", location));
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
