package io.agentevents.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The examples of the v2 reference (test resources under {@code reference/}), and the check that
 * an answer has the shape of one: every field of the example, with the same JSON type, at any
 * depth. An array is held to its example's first element, element by element; extra fields are
 * not a difference (the OpenAPI document's schemas hold answers to those).
 */
public final class ReferenceExamples {

    /** The example's ids, which a test replaces with live ones before sending. */
    public static final String EXAMPLE_PROJECT = "123456";
    public static final String EXAMPLE_AGENT = "8f135b4f-7a69-4b8a-947f-5e80d772fd97";
    public static final String EXAMPLE_PASSWORD = "2d0080f9-3a6a-4ef1-b7ea-4c67c5e92796";
    public static final String EXAMPLE_FINGERPRINT = "arbitrary-string-determined-by-agent";
    /** The other agent of the vault password verification example, whose vault the example agent verifies. */
    public static final String EXAMPLE_OTHER_AGENT = "8e84d320-77a9-4eb4-a39d-25878a3b9f16";
    /** Placeholders of the browse examples that say what goes there; not base64 themselves. */
    public static final String EXAMPLE_PATH_ENCODED = "/optional/base64encoded/path/if/non-utf-8/characters/present/";
    public static final String EXAMPLE_NAME_ENCODED = "optional_base64encoded_name_if_non-utf-8_characters_present";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceExamples() {
    }

    /** The text of {@code reference/<name>.json}. */
    public static String text(String name) {
        String resource = "/reference/" + name + ".json";
        try (InputStream in = ReferenceExamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no such reference example: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The example with its ids replaced: each key of {@code replacements} by its value. */
    public static String text(String name, Map<String, String> replacements) {
        String text = text(name);
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            text = text.replace(replacement.getKey(), replacement.getValue());
        }
        return text;
    }

    public static JsonNode json(String name) {
        return parse(text(name));
    }

    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            throw new IllegalArgumentException("not JSON: " + text, notJson);
        }
    }

    /**
     * Where {@code actual} lacks a field of {@code example} or has it with another JSON type, as
     * paths like {@code host.machine.id}; empty when it has the example's shape.
     *
     * @param notServed paths this service leaves out on purpose (its API doc says why); an
     *                  array path ending in {@code []} may be empty
     */
    public static List<String> shapeDifferences(JsonNode example, JsonNode actual, Set<String> notServed) {
        List<String> differences = new ArrayList<>();
        compare("", example, actual, notServed, differences);
        return differences;
    }

    private static void compare(String path, JsonNode example, JsonNode actual, Set<String> notServed,
                                List<String> differences) {
        if (notServed.contains(path)) {
            return;
        }
        if (actual == null || actual.isMissingNode()) {
            differences.add(path + ": missing");
            return;
        }
        if (example.isNull()) {
            return; // the example shows no type
        }
        if (example.getNodeType() != actual.getNodeType()) {
            differences.add(path + ": " + actual.getNodeType() + " where the reference has " + example.getNodeType());
            return;
        }
        if (example.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = example.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                compare(child, field.getValue(), actual.get(field.getKey()), notServed, differences);
            }
        } else if (example.isArray() && !example.isEmpty()) {
            if (actual.isEmpty() && !notServed.contains(path + "[]")) {
                differences.add(path + ": empty where the reference has elements");
            }
            for (JsonNode element : actual) {
                compare(path + "[]", example.get(0), element, notServed, differences);
            }
        }
    }
}
