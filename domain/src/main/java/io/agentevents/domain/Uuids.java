package io.agentevents.domain;

import java.util.UUID;

/** Strict UUID parsing: {@link UUID#fromString} accepts short groups such as {@code 1-1-1-1-1}. */
final class Uuids {

    private static final int LENGTH = 36;

    private Uuids() {
    }

    static UUID parseCanonical(String text, String field) {
        if (text == null || !isCanonical(text)) {
            throw new IllegalArgumentException(field + " must be a UUID like 8c6ec1a5-0dd3-4b36-a3e7-6f8f5c2e8a41");
        }
        return UUID.fromString(text);
    }

    /** 8-4-4-4-12 hex digits; checked by hand because every request parses a few. */
    private static boolean isCanonical(String text) {
        if (text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (dash ? c != '-' : !hex) {
                return false;
            }
        }
        return true;
    }
}
