package io.agentevents.adapter.http.route.request;

import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.route.PathParams;
import io.agentevents.adapter.http.route.RequestBodies;
import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.application.port.in.request.AnswerAgentRequestCommand;
import io.agentevents.application.port.in.request.AnswerAgentRequestUseCase;
import io.agentevents.domain.request.RequestAnswer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * {@code POST /v2/{p}/agents/{a}/browse-requests/{id}}, {@code …/vault-password-verification-requests/{id}}
 * and {@code …/vault-encryption-requests/{id}}, by the agent itself: its answer; 204.
 */
public final class PostRequestAnswerHandler implements Endpoint {

    private final AnswerAgentRequestUseCase answer;
    private final JsonCodec codec;
    private final Function<JsonBody, RequestAnswer> reader;

    /** @param reader reads this kind's answer from its body */
    public PostRequestAnswerHandler(AnswerAgentRequestUseCase answer, JsonCodec codec,
                                    Function<JsonBody, RequestAnswer> reader) {
        this.answer = answer;
        this.codec = codec;
        this.reader = reader;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        JsonBody body = RequestBodies.objectOf(context, codec);
        RequestAnswer given = RequestBodies.parsed(() -> reader.apply(body));
        AnswerAgentRequestCommand command = new AnswerAgentRequestCommand(Authenticator.callerOf(context),
                PathParams.project(context), PathParams.agent(context), PathParams.request(context, "request"), given);
        return Stages.onContext(answer.answer(command), context.vertx()).map(done -> Reply.of(204));
    }
}
