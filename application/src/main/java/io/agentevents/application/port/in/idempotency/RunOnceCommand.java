package io.agentevents.application.port.in.idempotency;

import io.agentevents.domain.access.Caller;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A request sent with an {@code Idempotency-Key}.
 *
 * @param key                the client's key: 1–255 visible ASCII characters
 * @param requestFingerprint identifies the request (method, path and a hash of the body), so a
 *                           key reused for another request is recognised
 */
public record RunOnceCommand(Caller caller, String key, String requestFingerprint) {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    public RunOnceCommand {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(requestFingerprint, "requestFingerprint must not be null");
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Idempotency-Key must be 1-255 visible ASCII characters");
        }
    }
}
