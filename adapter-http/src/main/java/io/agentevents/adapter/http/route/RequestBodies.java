package io.agentevents.adapter.http.route;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.JsonBody;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/** The JSON a request carries: an object for a POST, a JSON Patch for a PATCH. */
public final class RequestBodies {

    private RequestBodies() {
    }

    public static JsonBody objectOf(RoutingContext context, JsonCodec codec) {
        return codec.readObject(context.request().getHeader("Content-Type"), bytesOf(context));
    }

    /** The JSON Patch a PATCH carries. */
    public static JsonNode patchOf(RoutingContext context, JsonCodec codec) {
        return codec.readPatch(context.request().getHeader("Content-Type"), bytesOf(context));
    }

    private static byte[] bytesOf(RoutingContext context) {
        var buffer = context.body().buffer();
        return buffer == null ? new byte[0] : buffer.getBytes();
    }

    /** Runs a request's {@code toCommand}: a value of the wrong shape found there is the client's mistake. */
    public static <T> T parsed(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException malformed) {
            throw new BadRequestException(malformed.getMessage());
        }
    }
}
