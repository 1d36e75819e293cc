package io.agentevents.domain;

/**
 * The one rule for free-text fields an agent reports: present, not blank, at most a given
 * length, and text every store can keep. A NUL character or half of a surrogate pair is valid
 * in a Java string but not in a PostgreSQL text column (which refuses the first and silently
 * changes the second), so both are refused here, on every store alike.
 */
public final class TextFields {

    /** The longest free-text field, unless a field says otherwise. */
    public static final int MAX_LENGTH = 255;

    private TextFields() {
    }

    /** @throws IllegalArgumentException naming {@code field} if the value breaks the rule */
    public static String requireText(String value, String field) {
        return requireText(value, field, MAX_LENGTH);
    }

    /** @throws IllegalArgumentException naming {@code field} if the value breaks the rule */
    public static String requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-empty string");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
        }
        requireStorable(value, field);
        return value;
    }

    /**
     * @throws IllegalArgumentException naming {@code field} if the value holds a NUL character
     *                                  or an unpaired surrogate
     */
    public static void requireStorable(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException(field + " must not contain the NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(field + " must be valid Unicode text (it holds an unpaired surrogate)");
            }
        }
    }
}
