package io.agentevents.adapter.http.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A JSON object from a request, read field by field with errors that name the field. */
public final class JsonBody {

    private final JsonNode node;
    private final String prefix;

    private JsonBody(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** The body itself; field names in errors are as written. */
    public static JsonBody root(JsonNode node) {
        return new JsonBody(node, "");
    }

    private String name(String field) {
        return prefix + field;
    }

    public String requiredText(String field) {
        return optionalText(field).orElseThrow(() -> new BadRequestException(name(field) + " is required"));
    }

    public Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new BadRequestException(name(field) + " must be a string");
        }
        return Optional.of(value.textValue());
    }

    public boolean optionalBoolean(String field, boolean absent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw new BadRequestException(name(field) + " must be true or false");
        }
        return value.booleanValue();
    }

    public JsonBody requiredObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new BadRequestException(name(field) + " is required");
        }
        if (!value.isObject()) {
            throw new BadRequestException(name(field) + " must be an object");
        }
        return new JsonBody(value, name(field) + ".");
    }
}
