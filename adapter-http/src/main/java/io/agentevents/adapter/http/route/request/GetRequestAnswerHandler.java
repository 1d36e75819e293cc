package io.agentevents.adapter.http.route.request;

import io.agentevents.adapter.http.dto.agentrequest.RequestResultResponse;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.edge.TooManyRequestsException;
import io.agentevents.adapter.http.route.PathParams;
import io.agentevents.adapter.http.support.WaitParam;
import io.agentevents.adapter.http.support.ClientGoneException;
import io.agentevents.adapter.http.support.ClientKey;
import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.support.WaitingPolls;
import io.agentevents.application.port.in.request.PendingAnswer;
import io.agentevents.application.port.in.request.ReadAnswerQuery;
import io.agentevents.application.port.in.request.ReadAnswerUseCase;
import io.agentevents.domain.request.RequestKind;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * {@code GET /v2/{p}/agents/{a}/browse-requests/{id}}, {@code …/vault-password-verification-requests/{id}}
 * and {@code …/vault-encryption-requests/{id}}: the agent's answer, 404 until it gives one. With
 * {@code wait=S} (0–30 s) the 404 waits up to S seconds for the answer instead, holding no
 * thread, in one of the token's waiting seats, as a long-polling agent does.
 */
public final class GetRequestAnswerHandler implements Endpoint {

    private final ReadAnswerUseCase read;
    private final RequestKind kind;
    private final WaitingPolls waitingPolls;

    public GetRequestAnswerHandler(ReadAnswerUseCase read, RequestKind kind, WaitingPolls waitingPolls) {
        this.read = read;
        this.kind = kind;
        this.waitingPolls = waitingPolls;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        Duration wait = WaitParam.of(context);
        ReadAnswerQuery query = new ReadAnswerQuery(Authenticator.callerOf(context), PathParams.project(context),
                PathParams.agent(context), PathParams.request(context, "request"), kind, wait);
        if (wait.isZero()) {
            return answerOf(read.read(query), context);
        }
        var entered = waitingPolls.enter(ClientKey.of(context));
        if (entered.isEmpty()) {
            return Future.failedFuture(new TooManyRequestsException("at most " + waitingPolls.maxPerToken()
                    + " long-polls may wait per token; close one or read without wait", 1));
        }
        WaitingPolls.Seat seat = entered.get();
        PendingAnswer pending;
        try {
            pending = read.read(query);
        } catch (RuntimeException failed) {
            seat.leave();
            throw failed;
        }
        seat.answerNowBy(pending::answerNow);
        context.response().closeHandler(ignored -> pending.cancel());
        return answerOf(pending, context).onComplete(ignored -> seat.leave());
    }

    private static Future<Reply> answerOf(PendingAnswer pending, RoutingContext context) {
        return Stages.onContext(pending.answer(), context.vertx())
                .recover(failed -> Future.failedFuture(failed instanceof CancellationException
                        ? new ClientGoneException() : failed))
                .map(request -> Reply.json(200, RequestResultResponse.from(request)));
    }
}
