package io.agentevents.adapter.http.edge;

import io.agentevents.adapter.http.support.BearerTokens;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.access.IdentifyCallerUseCase;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.access.Caller;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Establishes who calls from {@code X-Auth-Token} (401 if missing or unknown), then checks the
 * optional {@code X-Project-Id} and {@code X-Agent-Id} headers against the path and the token.
 * The token itself is never logged or echoed.
 */
public final class Authenticator implements Handler<RoutingContext> {

    public static final String TOKEN_HEADER = BearerTokens.HEADER;
    public static final String PROJECT_HEADER = "X-Project-Id";
    public static final String AGENT_HEADER = "X-Agent-Id";
    private static final String KEY = "caller";

    private final IdentifyCallerUseCase identify;

    public Authenticator(IdentifyCallerUseCase identify) {
        this.identify = identify;
    }

    @Override
    public void handle(RoutingContext context) {
        Optional<Secret> token = BearerTokens.of(context);
        if (token.isEmpty()) {
            context.fail(new NotAuthenticatedException(TOKEN_HEADER + " header is required"));
            return;
        }
        CompletionStage<Caller> identified;
        try {
            identified = identify.identify(token.get());
        } catch (RuntimeException failed) {
            context.fail(failed);
            return;
        }
        Stages.onContext(identified, context.vertx()).onComplete(result -> proceed(context, result));
    }

    private static void proceed(RoutingContext context, AsyncResult<Caller> result) {
        if (result.failed()) {
            context.fail(result.cause());
            return;
        }
        try {
            checkHeaders(context, result.result());
        } catch (BadRequestException mismatch) {
            context.fail(mismatch);
            return;
        }
        context.put(KEY, result.result());
        context.next();
    }

    private static void checkHeaders(RoutingContext context, Caller caller) {
        String project = context.request().getHeader(PROJECT_HEADER);
        if (project != null && !project.equals(context.pathParam("project"))) {
            throw new BadRequestException(PROJECT_HEADER + " must equal the project in the path");
        }
        String agent = context.request().getHeader(AGENT_HEADER);
        if (agent != null && caller instanceof AgentCaller agentCaller
                && !agent.trim().equalsIgnoreCase(agentCaller.agent().toString())) {
            throw new BadRequestException(AGENT_HEADER + " must be the id of the agent the token was issued to");
        }
    }

    /** The caller established for this request. */
    public static Caller callerOf(RoutingContext context) {
        Caller caller = context.get(KEY);
        if (caller == null) {
            throw new IllegalStateException("route is missing the Authenticator");
        }
        return caller;
    }
}
