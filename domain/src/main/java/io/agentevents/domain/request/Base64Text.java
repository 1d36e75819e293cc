package io.agentevents.domain.request;

import java.util.Base64;
import java.util.Objects;

/**
 * Bytes written as base64 text, as the reference's {@code path_encoded} and {@code name_encoded}
 * carry a path or a file name that is not valid UTF-8. The text is kept as it was given (clients
 * read back what they sent); it must decode, in the standard or the URL-safe alphabet, with or
 * without its padding.
 *
 * @param text the base64 text
 */
public record Base64Text(String text) {

    /** Base64 of a 4096-byte path, with room to spare. */
    public static final int MAX_LENGTH = 8_192;

    /** @throws IllegalArgumentException naming {@code field} if the text is empty, too long or not base64 */
    public static Base64Text of(String text, String field) {
        try {
            return new Base64Text(text);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException(field + " " + malformed.getMessage());
        }
    }

    /** @throws IllegalArgumentException if the text is empty, too long or not base64 */
    public Base64Text {
        Objects.requireNonNull(text, "text must not be null");
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be base64 text of 1 to " + MAX_LENGTH + " characters");
        }
        if (!decodes(text)) {
            throw new IllegalArgumentException("must be base64 (the standard or the URL-safe alphabet)");
        }
    }

    /** The bytes it stands for. */
    public byte[] bytes() {
        return decoder(text).decode(padded(text));
    }

    private static boolean decodes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letterOrDigit = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!letterOrDigit && c != '+' && c != '/' && c != '-' && c != '_' && c != '=') {
                return false;
            }
        }
        try {
            decoder(text).decode(padded(text));
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The URL-safe alphabet when the text uses its letters, else the standard one: never a mix of both. */
    private static Base64.Decoder decoder(String text) {
        return text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder();
    }

    private static String padded(String text) {
        int missing = text.endsWith("=") ? 0 : (4 - text.length() % 4) % 4;
        return missing == 0 ? text : text + "=".repeat(missing);
    }
}
