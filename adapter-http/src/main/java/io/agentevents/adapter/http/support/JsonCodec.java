package io.agentevents.adapter.http.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.adapter.http.wire.Utf8;
import java.io.IOException;
import java.util.Locale;

/**
 * The one Jackson mapper of the API. Requests are read as trees and picked apart field by field
 * ({@link JsonBody}), so every mistake gets a message naming the field; responses are records
 * written in snake_case.
 */
public final class JsonCodec {

    public static final String JSON_PATCH = "application/json-patch+json";

    private final ObjectMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // {"mode":"idle","mode":"active"} is ambiguous: refuse it rather than pick one.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();
    /** Resolved once: the mapper's own readTree looks the tree type up again on every call. */
    private final ObjectReader treeReader = mapper.readerFor(JsonNode.class);

    /**
     * Reads a request body that must be one JSON object.
     *
     * @param contentType the request's {@code Content-Type}, or null
     * @throws UnsupportedMediaTypeException if the body is not declared as JSON
     * @throws BadRequestException           if it is empty, not JSON, or not an object
     */
    public JsonBody readObject(String contentType, byte[] body) {
        if (body.length == 0) {
            throw new BadRequestException("request body must be a JSON object");
        }
        if (!isJson(contentType)) {
            throw new UnsupportedMediaTypeException("Content-Type must be application/json");
        }
        JsonNode tree = parse(body);
        if (tree == null || !tree.isObject()) {
            throw new BadRequestException("request body must be a JSON object");
        }
        return JsonBody.root(tree);
    }

    /**
     * Reads a JSON Patch (RFC 6902): an array, sent as {@code application/json-patch+json} or, as
     * the SDK sends it, {@code application/json}.
     *
     * @throws UnsupportedMediaTypeException if the body is declared as neither
     * @throws BadRequestException           if it is empty, not JSON, or not an array
     */
    public JsonNode readPatch(String contentType, byte[] body) {
        if (body.length == 0) {
            throw new BadRequestException("request body must be a JSON Patch: an array of operations");
        }
        if (!isJson(contentType) && !hasMediaType(contentType, JSON_PATCH)) {
            throw new UnsupportedMediaTypeException("Content-Type must be " + JSON_PATCH + " or application/json");
        }
        JsonNode tree = parse(body);
        if (tree == null || !tree.isArray()) {
            throw new BadRequestException("request body must be a JSON Patch: an array of operations");
        }
        return tree;
    }

    private JsonNode parse(byte[] body) {
        if (!Utf8.isValid(body)) {
            throw new BadRequestException("request body is not valid UTF-8");
        }
        try {
            return treeReader.readTree(body);
        } catch (IOException malformed) {
            throw new BadRequestException("request body is not valid JSON");
        }
    }

    /** {@code application/json}, with any parameters such as {@code charset=utf-8}. */
    static boolean isJson(String contentType) {
        return hasMediaType(contentType, "application/json");
    }

    private static boolean hasMediaType(String contentType, String expected) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return mediaType.toLowerCase(Locale.ROOT).equals(expected);
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException bug) {
            throw new IllegalStateException("response could not be written as JSON", bug);
        }
    }

    public JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException malformed) {
            throw new IllegalArgumentException("not JSON", malformed);
        }
    }
}
