package io.agentevents.adapter.http.route.request;

import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.route.PathParams;
import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.application.port.in.logfile.DeleteLogfileUseCase;
import io.agentevents.application.port.in.logfile.LogfileQuery;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code DELETE /v2/{p}/agents/{a}/logfiles/{id}} (admin): 204. */
public final class DeleteLogfileHandler implements Endpoint {

    private final DeleteLogfileUseCase delete;

    public DeleteLogfileHandler(DeleteLogfileUseCase delete) {
        this.delete = delete;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        LogfileQuery query = new LogfileQuery(Authenticator.callerOf(context), PathParams.project(context),
                PathParams.agent(context), PathParams.request(context, "logfile"));
        return Stages.onContext(delete.delete(query), context.vertx()).map(done -> Reply.of(204));
    }
}
