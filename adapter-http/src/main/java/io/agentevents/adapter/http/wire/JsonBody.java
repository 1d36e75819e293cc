package io.agentevents.adapter.http.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.domain.TextFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON object from a request, read field by field with errors that name the field
 * ({@code host.addresses[1].addr}). Fields it is not asked for are ignored, so clients may send
 * more than this service reads.
 */
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

    /** The elements of a body that is a JSON array, each an object, named {@code [i]} in errors. */
    public static List<JsonBody> elementsOf(JsonNode array, String name) {
        List<JsonBody> elements = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            String elementName = name + "[" + i + "]";
            if (!element.isObject()) {
                throw new BadRequestException(elementName + " must be an object");
            }
            elements.add(new JsonBody(element, elementName + "."));
        }
        return elements;
    }

    private String name(String field) {
        return prefix + field;
    }

    private Optional<JsonNode> present(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    public String requiredText(String field) {
        return optionalText(field).orElseThrow(() -> missing(field));
    }

    /** A string, or empty when the field is absent or null. */
    public Optional<String> optionalText(String field) {
        return present(field).map(value -> {
            if (!value.isTextual()) {
                throw new BadRequestException(name(field) + " must be a string");
            }
            return storable(value.textValue(), field);
        });
    }

    /** Every text read from a body, checked here once: no store may be handed a NUL or half a surrogate pair. */
    private String storable(String text, String field) {
        try {
            TextFields.requireStorable(text, name(field));
        } catch (IllegalArgumentException unstorable) {
            throw new BadRequestException(unstorable.getMessage());
        }
        return text;
    }

    /**
     * A string, or a whole number given as a JSON number (read as its decimal digits): for values
     * the reference types as strings but shows as numbers in its examples.
     */
    public String requiredTextOrWholeNumber(String field) {
        JsonNode value = present(field).orElseThrow(() -> missing(field));
        if (value.isTextual()) {
            return storable(value.textValue(), field);
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) {
            return Long.toString(value.longValue());
        }
        throw new BadRequestException(name(field) + " must be a string or a whole number");
    }

    /** A whole number given as a JSON number or as a string of digits. */
    public int requiredInt(String field) {
        JsonNode value = present(field).orElseThrow(() -> missing(field));
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual() && !value.textValue().isEmpty() && value.textValue().length() < 10
                && value.textValue().chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Integer.parseInt(value.textValue());
        }
        throw new BadRequestException(name(field) + " must be a whole number");
    }

    public boolean optionalBoolean(String field, boolean absent) {
        return optionalBoolean(field).orElse(absent);
    }

    public Optional<Boolean> optionalBoolean(String field) {
        return present(field).map(value -> {
            if (!value.isBoolean()) {
                throw new BadRequestException(name(field) + " must be true or false");
            }
            return value.booleanValue();
        });
    }

    public JsonBody requiredObject(String field) {
        return optionalObject(field).orElseThrow(() -> missing(field));
    }

    public Optional<JsonBody> optionalObject(String field) {
        return present(field).map(value -> {
            if (!value.isObject()) {
                throw new BadRequestException(name(field) + " must be an object");
            }
            return new JsonBody(value, name(field) + ".");
        });
    }

    /** An array of objects; empty is allowed. */
    public List<JsonBody> requiredArray(String field) {
        return optionalArray(field).orElseThrow(() -> missing(field));
    }

    public Optional<List<JsonBody>> optionalArray(String field) {
        return present(field).map(value -> {
            if (!value.isArray()) {
                throw new BadRequestException(name(field) + " must be an array");
            }
            return elementsOf(value, name(field));
        });
    }

    /** The raw value of a field, for values whose type depends on another field; empty if absent. */
    public Optional<JsonNode> value(String field) {
        return Optional.ofNullable(node.get(field));
    }

    /** This object's name in errors ({@code [0]} for a patch's first operation), for messages about it. */
    public String name() {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    private BadRequestException missing(String field) {
        return new BadRequestException(name(field) + " is required");
    }
}
