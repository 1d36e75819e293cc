package io.agentevents.domain;

import java.util.UUID;
import java.util.regex.Pattern;

/** Strict UUID parsing: {@link UUID#fromString} accepts short groups such as {@code 1-1-1-1-1}. */
final class Uuids {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    static UUID parseCanonical(String text, String field) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new IllegalArgumentException(field + " must be a UUID like 8c6ec1a5-0dd3-4b36-a3e7-6f8f5c2e8a41");
        }
        return UUID.fromString(text);
    }
}
