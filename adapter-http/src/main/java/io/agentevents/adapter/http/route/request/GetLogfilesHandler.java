package io.agentevents.adapter.http.route.request;

import io.agentevents.adapter.http.dto.agentrequest.LogfileListResponse;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.route.PathParams;
import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.wire.LogfileLinks;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.logfile.ListLogfilesUseCase;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v2/{p}/agents/{a}/logfiles}: {@code {"logfiles": […]}}, oldest first. */
public final class GetLogfilesHandler implements Endpoint {

    private final ListLogfilesUseCase list;
    private final PublicUrl publicUrl;
    private final LogfileLinks links;

    public GetLogfilesHandler(ListLogfilesUseCase list, PublicUrl publicUrl, LogfileLinks links) {
        this.list = list;
        this.publicUrl = publicUrl;
        this.links = links;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        AgentQuery query = new AgentQuery(Authenticator.callerOf(context), PathParams.project(context),
                PathParams.agent(context));
        return Stages.onContext(list.list(query), context.vertx())
                .map(logfiles -> Reply.json(200, LogfileListResponse.from(logfiles, publicUrl, links)));
    }
}
