package io.agentevents.adapter.http.edge;

import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.dto.response.ErrorResponse;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * Answers a request the HTTP decoder could not read (a broken request line or header, a line or
 * headers too long) with the API's JSON error body instead of Vert.x's bare status, then closes
 * the connection, since the rest of its bytes cannot be trusted.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {

    private final JsonCodec codec;

    public InvalidRequests(JsonCodec codec) {
        this.codec = codec;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status;
        String message;
        if (cause instanceof TooLongHttpLineException) {
            status = 414;
            message = "request line too long";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = 431;
            message = "request headers too large";
        } else {
            status = 400;
            message = "malformed HTTP request";
        }
        request.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Connection", "close")
                .putHeader(RequestIds.HEADER, RequestIds.newId().toString())
                .end(codec.write(new ErrorResponse(message, List.of(message))))
                .onComplete(ignored -> request.connection().close());
    }
}
