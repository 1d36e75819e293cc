package io.agentevents.adapter.http.route;

import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.dto.response.EventListResponse;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.wire.LogfileLinks;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.application.port.in.feed.ListProjectEventsQuery;
import io.agentevents.application.port.in.feed.ListProjectEventsUseCase;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v2/{p}/events}: newest first unless asked otherwise. */
public final class GetProjectEventsHandler implements Endpoint {

    private final ListProjectEventsUseCase list;
    private final PublicUrl publicUrl;
    private final LogfileLinks logfileLinks;

    public GetProjectEventsHandler(ListProjectEventsUseCase list, PublicUrl publicUrl, LogfileLinks logfileLinks) {
        this.list = list;
        this.publicUrl = publicUrl;
        this.logfileLinks = logfileLinks;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        ProjectId project = PathParams.project(context);
        EventPageRequest page = PageQuery.parse(context.queryParams(), SortDirection.DESC);
        ListProjectEventsQuery query = new ListProjectEventsQuery(Authenticator.callerOf(context), project, page);
        String path = "/v2/" + project + "/events";
        return Stages.onContext(list.list(query), context.vertx())
                .map(events -> Reply.json(200, EventListResponse.from(events, path, page, publicUrl, logfileLinks)));
    }
}
