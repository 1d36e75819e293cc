package io.agentevents.adapter.http.route.request;

import io.agentevents.adapter.http.dto.agentrequest.LogfileResponse;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.route.PathParams;
import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.wire.LogfileLinks;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.application.port.in.logfile.GetLogfileUseCase;
import io.agentevents.application.port.in.logfile.LogfileQuery;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v2/{p}/agents/{a}/logfiles/{id}}. */
public final class GetLogfileHandler implements Endpoint {

    private final GetLogfileUseCase get;
    private final PublicUrl publicUrl;
    private final LogfileLinks links;

    public GetLogfileHandler(GetLogfileUseCase get, PublicUrl publicUrl, LogfileLinks links) {
        this.get = get;
        this.publicUrl = publicUrl;
        this.links = links;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        LogfileQuery query = new LogfileQuery(Authenticator.callerOf(context), PathParams.project(context),
                PathParams.agent(context), PathParams.request(context, "logfile"));
        return Stages.onContext(get.get(query), context.vertx())
                .map(logfile -> Reply.json(200, LogfileResponse.from(logfile, publicUrl, links)));
    }
}
