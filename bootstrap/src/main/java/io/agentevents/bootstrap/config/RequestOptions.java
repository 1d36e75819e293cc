package io.agentevents.bootstrap.config;

import io.agentevents.adapter.http.ApiOptions;
import io.agentevents.adapter.http.ApiRouter;
import io.agentevents.adapter.http.wire.LogfileLinks;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code --request-ttl}, {@code --browse-answer-limit} and {@code --logfile-*} options. */
public final class RequestOptions {

    private static final List<String> NEED_CONTAINER = List.of("--logfile-temp-url-key", "--logfile-temp-url-digest",
            "--logfile-temp-url-ttl");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})(|B|KiB|MiB)");

    private RequestOptions() {
    }

    public static RequestSettings parse(Map<String, String> options) {
        Duration ttl = Optional.ofNullable(options.get("--request-ttl"))
                .map(text -> Durations.parse(text, "--request-ttl")).orElse(RequestSettings.DEFAULT_REQUEST_TTL);
        int limit = Optional.ofNullable(options.get("--browse-answer-limit")).map(RequestOptions::size)
                .orElse(ApiOptions.DEFAULT_BROWSE_ANSWER_LIMIT);
        String url = options.get("--logfile-container-url");
        if (url == null) {
            NEED_CONTAINER.stream().filter(options::containsKey).findFirst().ifPresent(option -> {
                throw new ConfigException(option + " is for log file links; give --logfile-container-url too");
            });
            return new RequestSettings(ttl, limit, Optional.empty());
        }
        LogfileLinks.Digest digest;
        try {
            digest = LogfileLinks.Digest.of(options.getOrDefault("--logfile-temp-url-digest", "sha256"));
        } catch (IllegalArgumentException bad) {
            throw new ConfigException("--logfile-temp-url-digest " + bad.getMessage());
        }
        Duration lifetime = Optional.ofNullable(options.get("--logfile-temp-url-ttl"))
                .map(text -> Durations.parse(text, "--logfile-temp-url-ttl")).orElse(LogfileLinks.DEFAULT_TEMP_URL_LIFETIME);
        Optional<String> key = Optional.ofNullable(options.get("--logfile-temp-url-key")).filter(given -> !given.isEmpty());
        RequestSettings.LogfileContainer container = new RequestSettings.LogfileContainer(url.strip(), key, digest, lifetime);
        try {
            LogfileLinks.of(container.url(), key, digest, lifetime, Clock.systemUTC());
        } catch (IllegalArgumentException bad) {
            throw new ConfigException("--logfile-container-url: " + bad.getMessage());
        }
        return new RequestSettings(ttl, limit, Optional.of(container));
    }

    /** Bytes, or KiB or MiB: {@code 4MiB}, {@code 512KiB}, {@code 1000000}. */
    private static int size(String text) {
        Matcher matcher = SIZE.matcher(text.strip());
        long bytes = -1;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            bytes = switch (matcher.group(2)) {
                case "KiB" -> amount * 1024;
                case "MiB" -> amount * 1024 * 1024;
                default -> amount;
            };
        }
        if (bytes < ApiRouter.MAX_BODY_BYTES || bytes > RequestSettings.MAX_BROWSE_ANSWER_LIMIT) {
            throw new ConfigException("--browse-answer-limit must be a size from 64KiB to 64MiB, like 4MiB; got '"
                    + text + "'");
        }
        return (int) bytes;
    }
}
