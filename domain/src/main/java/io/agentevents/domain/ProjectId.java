package io.agentevents.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tenant of the platform: 1–64 characters out of {@code [A-Za-z0-9_-]}.
 *
 * @param value the id exactly as it appears in {@code /v2/{project_id}/...}
 */
public record ProjectId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** @throws IllegalArgumentException if {@code value} is null or not of the project id shape */
    public ProjectId {
        Objects.requireNonNull(value, "project_id must not be null");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "project_id must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
