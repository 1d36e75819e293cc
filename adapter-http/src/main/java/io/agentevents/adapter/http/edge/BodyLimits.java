package io.agentevents.adapter.http.edge;

import io.agentevents.adapter.http.ApiRouter;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.regex.Pattern;

/**
 * Reads request bodies up to their route's limit, 413 above it: {@link ApiRouter#MAX_BODY_BYTES}
 * for every route but an agent's answer to a browse, which lists a directory and may take
 * megabytes. The limit a request met is kept for the error's message.
 */
public final class BodyLimits implements Handler<RoutingContext> {

    /** Where the request's limit is kept in its context. */
    static final String LIMIT_KEY = "bodyLimit";
    private static final Pattern BROWSE_ANSWER = Pattern.compile("^/v2/[^/]+/agents/[^/]+/browse-requests/[^/]+/?$");

    private final BodyHandler standard = BodyHandler.create(false).setBodyLimit(ApiRouter.MAX_BODY_BYTES);
    private final BodyHandler browseAnswers;
    private final int browseAnswerLimit;

    public BodyLimits(int browseAnswerLimit) {
        this.browseAnswerLimit = browseAnswerLimit;
        this.browseAnswers = BodyHandler.create(false).setBodyLimit(browseAnswerLimit);
    }

    @Override
    public void handle(RoutingContext context) {
        boolean browseAnswer = context.request().method() == HttpMethod.POST
                && BROWSE_ANSWER.matcher(context.request().path()).matches();
        context.put(LIMIT_KEY, browseAnswer ? browseAnswerLimit : ApiRouter.MAX_BODY_BYTES);
        (browseAnswer ? browseAnswers : standard).handle(context);
    }

    /** The limit as its message says it: {@code 64 KiB}, {@code 4 MiB}. */
    static String described(int bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
