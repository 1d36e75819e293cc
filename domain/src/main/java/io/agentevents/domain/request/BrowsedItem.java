package io.agentevents.domain.request;

import io.agentevents.domain.TextFields;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a browsed path, as the agent reports it.
 *
 * @param name        the entry's name as text
 * @param nameEncoded the name's bytes, when they are not valid UTF-8
 * @param bytes       its size
 * @param mimeType    its type, like {@code application/x-symlink-file}
 */
public record BrowsedItem(String name, Optional<Base64Text> nameEncoded, long bytes, String mimeType) {

    /** The longest entry name: far above what file systems allow. */
    public static final int MAX_NAME_LENGTH = 1_024;

    /** @throws IllegalArgumentException naming the field that breaks a rule */
    public BrowsedItem {
        TextFields.requireText(name, "name", MAX_NAME_LENGTH);
        Objects.requireNonNull(nameEncoded, "nameEncoded must not be null (use Optional.empty())");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
        TextFields.requireText(mimeType, "mime_type");
    }
}
