package io.agentevents.domain.agent;

/** The one rule for free-text fields an agent reports: present, not blank, at most 255 characters. */
public final class TextFields {

    private TextFields() {
    }

    public static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-empty string");
        }
        if (value.length() > AgentHost.MAX_LENGTH) {
            throw new IllegalArgumentException(field + " must be at most " + AgentHost.MAX_LENGTH + " characters");
        }
    }
}
