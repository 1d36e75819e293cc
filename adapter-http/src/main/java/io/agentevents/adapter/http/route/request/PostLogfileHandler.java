package io.agentevents.adapter.http.route.request;

import io.agentevents.adapter.http.dto.agentrequest.LogfileResponse;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.edge.RequestIds;
import io.agentevents.adapter.http.route.PathParams;
import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.wire.LogfileLinks;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.application.port.in.logfile.RequestLogfileCommand;
import io.agentevents.application.port.in.logfile.RequestLogfileUseCase;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v2/{p}/agents/{a}/logfiles}: asks the agent to upload its log file; 202 with
 * {@code Location} and the log file, in state requested. It reads no body, as the reference says.
 */
public final class PostLogfileHandler implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(PostLogfileHandler.class);

    private final RequestLogfileUseCase request;
    private final PublicUrl publicUrl;
    private final LogfileLinks links;

    public PostLogfileHandler(RequestLogfileUseCase request, PublicUrl publicUrl, LogfileLinks links) {
        this.request = request;
        this.publicUrl = publicUrl;
        this.links = links;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        RequestLogfileCommand command = new RequestLogfileCommand(Authenticator.callerOf(context),
                PathParams.project(context), PathParams.agent(context), RequestIds.of(context));
        return Stages.onContext(request.request(command), context.vertx()).map(logfile -> {
            LOG.info("asked agent {} of project {} for log file {}", logfile.agent(), logfile.project(), logfile.id());
            return Reply.json(202, LogfileResponse.from(logfile, publicUrl, links))
                    .withHeaders(Map.of("Location", publicUrl.at(LogfileResponse.pathOf(logfile))));
        });
    }
}
