package io.agentevents.domain;

import java.util.Objects;

/**
 * A tenant of the platform: 1–64 characters out of {@code [A-Za-z0-9_-]}.
 *
 * @param value the id exactly as it appears in {@code /v2/{project_id}/...}
 */
public record ProjectId(String value) {

    private static final int MAX_LENGTH = 64;

    /** @throws IllegalArgumentException if {@code value} is null or not of the project id shape */
    public ProjectId {
        Objects.requireNonNull(value, "project_id must not be null");
        if (!hasShape(value)) {
            throw new IllegalArgumentException(
                    "project_id must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
    }

    /** Whether {@code value} has the project id shape, for callers that must not throw (logging). */
    public static boolean isValid(String value) {
        return value != null && hasShape(value);
    }

    /** [A-Za-z0-9_-]{1,64}, checked by hand because every request parses one. */
    private static boolean hasShape(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
