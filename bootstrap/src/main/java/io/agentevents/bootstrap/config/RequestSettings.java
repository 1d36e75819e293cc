package io.agentevents.bootstrap.config;

import io.agentevents.adapter.http.ApiOptions;
import io.agentevents.adapter.http.ApiRouter;
import io.agentevents.adapter.http.wire.LogfileLinks;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Requests made of agents, and where their log files go.
 *
 * @param requestTtl        how long a request waits for its answer, and an answer is kept
 * @param browseAnswerLimit the largest body of an agent's answer to a browse, in bytes
 * @param logfiles          the Swift container agents upload their log files to; empty: the
 *                          log files' links are only their own
 */
public record RequestSettings(Duration requestTtl, int browseAnswerLimit, Optional<LogfileContainer> logfiles) {

    public static final Duration DEFAULT_REQUEST_TTL = Duration.ofMinutes(5);
    /** Far above any directory listing, and what one request may make a node hold. */
    public static final int MAX_BROWSE_ANSWER_LIMIT = 64 * 1024 * 1024;

    /**
     * @param url             the container's URL, like {@code https://storage.example.com/v1/AUTH_1234/CloudBackupLogs}
     * @param tempUrlKey      its {@code Temp-URL-Key}, for downloads without a token; a secret, never shown
     * @param digest          the HMAC digest of the TempURL signatures
     * @param tempUrlLifetime how long a TempURL works once given out
     */
    public record LogfileContainer(String url, Optional<String> tempUrlKey, LogfileLinks.Digest digest,
                                   Duration tempUrlLifetime) {

        public LogfileContainer {
            Objects.requireNonNull(url, "url must not be null");
            Objects.requireNonNull(tempUrlKey, "tempUrlKey must not be null (use Optional.empty())");
            Objects.requireNonNull(digest, "digest must not be null");
            Objects.requireNonNull(tempUrlLifetime, "tempUrlLifetime must not be null");
        }

        @Override
        public String toString() {
            return "LogfileContainer[" + url + (tempUrlKey.isPresent() ? ", TempURL key set, " + digest : "") + "]";
        }
    }

    public RequestSettings {
        Objects.requireNonNull(requestTtl, "requestTtl must not be null");
        if (requestTtl.toMillis() < 1) {
            throw new IllegalArgumentException("the request TTL must be positive");
        }
        if (browseAnswerLimit < ApiRouter.MAX_BODY_BYTES || browseAnswerLimit > MAX_BROWSE_ANSWER_LIMIT) {
            throw new IllegalArgumentException("the browse answer limit must be from " + ApiRouter.MAX_BODY_BYTES
                    + " to " + MAX_BROWSE_ANSWER_LIMIT + " bytes");
        }
        Objects.requireNonNull(logfiles, "logfiles must not be null (use Optional.empty())");
    }

    public static RequestSettings defaults() {
        return new RequestSettings(DEFAULT_REQUEST_TTL, ApiOptions.DEFAULT_BROWSE_ANSWER_LIMIT, Optional.empty());
    }

    public RequestSettings withRequestTtl(Duration ttl) {
        return new RequestSettings(ttl, browseAnswerLimit, logfiles);
    }

    public RequestSettings withLogfiles(LogfileContainer container) {
        return new RequestSettings(requestTtl, browseAnswerLimit, Optional.of(container));
    }

    /** The links the API gives log files, their TempURLs expiring by {@code clock}. */
    public LogfileLinks logfileLinks(Clock clock) {
        return logfiles.map(container -> LogfileLinks.of(container.url(), container.tempUrlKey(), container.digest(),
                container.tempUrlLifetime(), clock)).orElseGet(LogfileLinks::none);
    }
}
