package io.agentevents.adapter.http.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an endpoint answers, before it is written.
 *
 * @param body           the JSON body, if any
 * @param replayableBody what an {@code Idempotency-Key} replay answers instead, when the body
 *                       holds a secret that must not be kept
 */
public record Reply(int status, Map<String, String> headers, Optional<Object> body, Optional<Object> replayableBody) {

    public Reply {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body must not be null");
        Objects.requireNonNull(replayableBody, "replayableBody must not be null");
    }

    public static Reply of(int status) {
        return new Reply(status, Map.of(), Optional.empty(), Optional.empty());
    }

    public static Reply json(int status, Object body) {
        return new Reply(status, Map.of(), Optional.of(body), Optional.empty());
    }

    public Reply withHeaders(Map<String, String> added) {
        HashMap<String, String> all = new HashMap<>(headers);
        all.putAll(added);
        return new Reply(status, all, body, replayableBody);
    }

    public Reply replayedAs(Object storable) {
        return new Reply(status, headers, body, Optional.of(storable));
    }
}
