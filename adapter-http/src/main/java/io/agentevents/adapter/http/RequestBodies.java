package io.agentevents.adapter.http;

import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.JsonBody;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/** The JSON object a POST carries. */
final class RequestBodies {

    private RequestBodies() {
    }

    static JsonBody objectOf(RoutingContext context, JsonCodec codec) {
        var buffer = context.body().buffer();
        byte[] bytes = buffer == null ? new byte[0] : buffer.getBytes();
        return codec.readObject(context.request().getHeader("Content-Type"), bytes);
    }

    /** Runs a request's {@code toCommand}: a value of the wrong shape found there is the client's mistake. */
    static <T> T parsed(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException malformed) {
            throw new BadRequestException(malformed.getMessage());
        }
    }
}
