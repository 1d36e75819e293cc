package io.agentevents.adapter.http.edge;

import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.UnsupportedMediaTypeException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Runs before the body is read: any request that declares a body other than UTF-8 JSON, or sends
 * a body without declaring it, is answered 415 on every route. So the HTTP stack never decodes a
 * form or a multipart body (its form decoder fails on a broken {@code %} escape), and the only
 * decoder a body ever meets is ours.
 */
public final class JsonOnlyBodies implements Handler<RoutingContext> {

    static final String MESSAGE = "Content-Type must be application/json (UTF-8), or application/json-patch+json for a PATCH";

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        boolean acceptable = contentType == null ? !carriesBody(request) : isUtf8Json(contentType);
        if (acceptable) {
            context.next();
        } else {
            context.fail(new UnsupportedMediaTypeException(MESSAGE));
        }
    }

    private static boolean carriesBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || (length != null && !length.trim().equals("0"));
    }

    /** {@code application/json} or {@code application/json-patch+json}; a charset, if named, is UTF-8. */
    static boolean isUtf8Json(String contentType) {
        String[] parts = contentType.split(";", -1); // -1: ";;;" splits into empty parts, never into none
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.equals(JsonCodec.JSON_PATCH)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = parameter.substring(0, equals).trim();
            String value = parameter.substring(equals + 1).trim().replace("\"", "");
            if (name.equalsIgnoreCase("charset") && !value.equalsIgnoreCase("utf-8") && !value.equalsIgnoreCase("utf8")) {
                return false;
            }
        }
        return true;
    }
}
