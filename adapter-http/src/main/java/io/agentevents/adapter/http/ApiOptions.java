package io.agentevents.adapter.http;

import io.agentevents.adapter.http.client.TrustedProxies;
import io.agentevents.adapter.http.edge.CrossOrigins;
import io.agentevents.adapter.http.support.ApiMetrics;
import io.agentevents.adapter.http.support.WaitingPolls;
import io.agentevents.adapter.http.wire.LogfileLinks;
import io.agentevents.adapter.http.wire.PublicUrl;
import java.time.Duration;
import java.util.Objects;

/**
 * How the API runs besides its use cases.
 *
 * @param rateLimitPerSecond requests a second allowed per token (bursts of one second's worth);
 *                           0 turns the limit off
 * @param waitingPolls       the long-polls waiting on this node, capped per token
 * @param metrics            where requests, activations and store errors are counted
 * @param publicUrl          where clients reach the service, for absolute URLs in answers
 * @param logfileLinks       where agents upload their log files, for the links of log files
 * @param browseAnswerLimit  the largest body of an agent's answer to a browse, which lists a
 *                           directory (every other body: {@link ApiRouter#MAX_BODY_BYTES})
 * @param trustedProxies     whose {@code Forwarded} / {@code X-Forwarded-For} name the client
 * @param crossOrigins       the web pages at other origins allowed to call the API (CORS)
 * @param streamKeepAlive    how often a quiet event stream sends a comment, so proxies keep it open
 */
public record ApiOptions(int rateLimitPerSecond, WaitingPolls waitingPolls, ApiMetrics metrics,
                         PublicUrl publicUrl, LogfileLinks logfileLinks, int browseAnswerLimit,
                         TrustedProxies trustedProxies, CrossOrigins crossOrigins,
                         Duration streamKeepAlive) {

    /** A listing of tens of thousands of entries. */
    public static final int DEFAULT_BROWSE_ANSWER_LIMIT = 4 * 1024 * 1024;

    /** Below the idle timeouts of common proxies and load balancers (30 to 60 s). */
    public static final Duration DEFAULT_STREAM_KEEP_ALIVE = Duration.ofSeconds(15);

    /** High enough never to touch an agent (two requests a second) or a busy client script. */
    public static final int DEFAULT_RATE_LIMIT = 200;

    public ApiOptions {
        if (rateLimitPerSecond < 0) {
            throw new IllegalArgumentException("rateLimitPerSecond must not be negative");
        }
        Objects.requireNonNull(waitingPolls, "waitingPolls must not be null");
        Objects.requireNonNull(metrics, "metrics must not be null");
        Objects.requireNonNull(publicUrl, "publicUrl must not be null");
        Objects.requireNonNull(logfileLinks, "logfileLinks must not be null");
        Objects.requireNonNull(trustedProxies, "trustedProxies must not be null");
        Objects.requireNonNull(crossOrigins, "crossOrigins must not be null");
        if (streamKeepAlive.toMillis() < 1) {
            throw new IllegalArgumentException("streamKeepAlive must be at least 1 ms");
        }
        if (browseAnswerLimit < ApiRouter.MAX_BODY_BYTES) {
            throw new IllegalArgumentException("browseAnswerLimit must be at least " + ApiRouter.MAX_BODY_BYTES + " bytes");
        }
    }

    /** The default limits, meters that go nowhere, {@code http://localhost}. */
    public static ApiOptions defaults() {
        return new ApiOptions(DEFAULT_RATE_LIMIT, new WaitingPolls(WaitingPolls.DEFAULT_MAX_PER_TOKEN),
                ApiMetrics.discarding(), PublicUrl.of("http://localhost"), LogfileLinks.none(), DEFAULT_BROWSE_ANSWER_LIMIT,
                TrustedProxies.none(), CrossOrigins.none(), DEFAULT_STREAM_KEEP_ALIVE);
    }


    public ApiOptions withRateLimit(int perSecond) {
        return new ApiOptions(perSecond, waitingPolls, metrics, publicUrl, logfileLinks, browseAnswerLimit, trustedProxies,
                crossOrigins, streamKeepAlive);
    }

    public ApiOptions withWaitingPolls(WaitingPolls polls) {
        return new ApiOptions(rateLimitPerSecond, polls, metrics, publicUrl, logfileLinks, browseAnswerLimit, trustedProxies,
                crossOrigins, streamKeepAlive);
    }

    public ApiOptions withMetrics(ApiMetrics apiMetrics) {
        return new ApiOptions(rateLimitPerSecond, waitingPolls, apiMetrics, publicUrl, logfileLinks, browseAnswerLimit, trustedProxies,
                crossOrigins, streamKeepAlive);
    }

    public ApiOptions withPublicUrl(PublicUrl url) {
        return new ApiOptions(rateLimitPerSecond, waitingPolls, metrics, url, logfileLinks, browseAnswerLimit, trustedProxies,
                crossOrigins, streamKeepAlive);
    }

    public ApiOptions withLogfileLinks(LogfileLinks links) {
        return new ApiOptions(rateLimitPerSecond, waitingPolls, metrics, publicUrl, links, browseAnswerLimit, trustedProxies,
                crossOrigins, streamKeepAlive);
    }

    public ApiOptions withBrowseAnswerLimit(int bytes) {
        return new ApiOptions(rateLimitPerSecond, waitingPolls, metrics, publicUrl, logfileLinks, bytes, trustedProxies, crossOrigins,
                streamKeepAlive);
    }

    public ApiOptions withTrustedProxies(TrustedProxies proxies) {
        return new ApiOptions(rateLimitPerSecond, waitingPolls, metrics, publicUrl, logfileLinks, browseAnswerLimit,
                proxies, crossOrigins, streamKeepAlive);
    }

    public ApiOptions withCrossOrigins(CrossOrigins origins) {
        return new ApiOptions(rateLimitPerSecond, waitingPolls, metrics, publicUrl, logfileLinks, browseAnswerLimit,
                trustedProxies, origins, streamKeepAlive);
    }

    public ApiOptions withStreamKeepAlive(Duration every) {
        return new ApiOptions(rateLimitPerSecond, waitingPolls, metrics, publicUrl, logfileLinks, browseAnswerLimit,
                trustedProxies, crossOrigins, every);
    }
}
