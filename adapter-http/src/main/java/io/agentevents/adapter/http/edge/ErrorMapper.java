package io.agentevents.adapter.http.edge;

import io.agentevents.adapter.http.ApiRouter;
import io.agentevents.adapter.http.dto.response.ErrorResponse;
import io.agentevents.adapter.http.support.ApiMetrics;
import io.agentevents.adapter.http.support.ClientGoneException;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.ResourceNotFoundException;
import io.agentevents.adapter.http.support.UnsupportedMediaTypeException;
import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentDisabledException;
import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.FingerprintMismatchException;
import io.agentevents.application.port.in.IdempotencyConflictException;
import io.agentevents.application.port.in.MarkerNotFoundException;
import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.ProjectNotFoundException;
import io.agentevents.application.port.in.RequestNotFoundException;
import io.agentevents.application.port.in.VaultStateException;
import io.agentevents.application.port.in.ServiceBusyException;
import io.agentevents.application.port.out.access.IdentityUnavailableException;
import io.agentevents.application.port.out.StoreUnavailableException;
import io.agentevents.domain.DomainException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become answers: every route's failure handler and the router's
 * status-only errors (404, 405, 413), and limits (429). Each answer has the JSON body
 * {@code {"message":…,"errors":[…]}} and {@code X-Request-Id}; a 500 is logged once with its
 * stack trace and tells the client only the request id.
 */
public final class ErrorMapper implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private final JsonCodec codec;
    private final ApiMetrics metrics;

    public ErrorMapper(JsonCodec codec) {
        this(codec, ApiMetrics.discarding());
    }

    public ErrorMapper(JsonCodec codec, ApiMetrics metrics) {
        this.codec = codec;
        this.metrics = metrics;
    }

    /** The status a failure of this type answers; 500 for anything unmapped (a bug). */
    public static int statusOf(Class<? extends Throwable> type) {
        if (BadRequestException.class.isAssignableFrom(type) || MarkerNotFoundException.class.isAssignableFrom(type)) {
            return 400;
        } else if (NotAuthenticatedException.class.isAssignableFrom(type)) {
            return 401;
        } else if (AccessDeniedException.class.isAssignableFrom(type)
                || AgentDisabledException.class.isAssignableFrom(type)) {
            return 403;
        } else if (VaultStateException.class.isAssignableFrom(type)) {
            return 403;
        } else if (ResourceNotFoundException.class.isAssignableFrom(type)
                || ProjectNotFoundException.class.isAssignableFrom(type)
                || AgentNotFoundException.class.isAssignableFrom(type)
                || RequestNotFoundException.class.isAssignableFrom(type)) {
            return 404;
        } else if (MethodNotAllowedException.class.isAssignableFrom(type)) {
            return 405;
        } else if (FingerprintMismatchException.class.isAssignableFrom(type)
                || IdempotencyConflictException.class.isAssignableFrom(type)
                || DomainException.class.isAssignableFrom(type)) {
            return 409;
        } else if (UnsupportedMediaTypeException.class.isAssignableFrom(type)) {
            return 415;
        } else if (TooManyRequestsException.class.isAssignableFrom(type)) {
            return 429;
        } else if (StoreUnavailableException.class.isAssignableFrom(type)
                || IdentityUnavailableException.class.isAssignableFrom(type)
                || ServiceBusyException.class.isAssignableFrom(type)) {
            return 503;
        }
        return 500;
    }

    @Override
    public void handle(RoutingContext context) {
        if (context.failure() instanceof NotAuthenticatedException wrong && !wrong.answerLate().isZero()) {
            // A timer, not a worker: a guesser's connection waits, and the node does nothing meanwhile.
            context.vertx().setTimer(wrong.answerLate().toMillis(), ignored -> answer(context));
            return;
        }
        answer(context);
    }

    private void answer(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (context.failure() instanceof ClientGoneException || response.closed()) {
            return; // nobody is listening any more
        }
        if (response.headWritten()) {
            // Too late for an error body; cut the connection so the client does not take a half answer as whole.
            response.reset();
            return;
        }
        Throwable failure = context.failure();
        String requestId = RequestIds.of(context).toString();
        if (isBrokenFraming(failure)) {
            // The client's bytes, not a bug: answered if the connection still takes an answer.
            LOG.debug("request {} {} {}: malformed HTTP framing ({})", requestId, context.request().method(),
                    context.request().path(), failure.getMessage());
            failure = new BadRequestException("malformed request: its HTTP framing could not be read");
        }
        int status = failure != null ? statusOf(failure.getClass()) : statusOnly(context.statusCode());
        ErrorResponse body;
        if (status == 500) {
            LOG.error("request {} {} {} failed with a bug", requestId, context.request().method(),
                    context.request().path(), failure);
            body = new ErrorResponse("internal error; quote request id " + requestId + " when reporting it",
                    List.of("internal error"));
        } else if (failure != null) {
            body = new ErrorResponse(failure.getMessage(), failure instanceof BadRequestException bad
                    ? bad.errors() : List.of(failure.getMessage()));
            if (failure instanceof StoreUnavailableException) {
                metrics.storeFailed();
                LOG.warn("request {} answered 503: {}", requestId, failure.getMessage());
            }
        } else {
            String message = status == 413 ? "request body is larger than "
                    + BodyLimits.described(context.get(BodyLimits.LIMIT_KEY, ApiRouter.MAX_BODY_BYTES)) : messageOf(status);
            body = new ErrorResponse(message, List.of(message));
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader(RequestIds.HEADER, requestId);
        extraHeaders(failure).forEach(response::putHeader);
        response.end(codec.write(body));
    }

    /** A request whose HTTP framing (a chunk size, say) Netty's decoder could not read. */
    private static boolean isBrokenFraming(Throwable failure) {
        if (failure == null) {
            return false;
        }
        if (failure.getClass().getName().startsWith("io.netty.handler.codec.")) {
            return true;
        }
        StackTraceElement[] stack = failure.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith("io.netty.handler.codec.http.");
    }

    private static int statusOnly(int status) {
        return status >= 400 && status < 600 ? status : 500;
    }

    private static Map<String, String> extraHeaders(Throwable failure) {
        if (failure instanceof MethodNotAllowedException notAllowed) {
            return Map.of("Allow", notAllowed.allow());
        }
        if (failure instanceof StoreUnavailableException || failure instanceof IdentityUnavailableException) {
            return Map.of("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (failure instanceof TooManyRequestsException tooMany) {
            return Map.of("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
        }
        if (failure instanceof ServiceBusyException busy) {
            return Map.of("Retry-After", Long.toString(busy.retryAfterSeconds()));
        }
        return Map.of();
    }

    private static String messageOf(int status) {
        return switch (status) {
            case 400 -> "malformed request";
            case 404 -> "resource not found";
            case 405 -> "method not allowed";
            case 414 -> "request URI too long";
            case 415 -> JsonOnlyBodies.MESSAGE;
            case 431 -> "request headers too large";
            default -> "request failed with status " + status;
        };
    }
}
