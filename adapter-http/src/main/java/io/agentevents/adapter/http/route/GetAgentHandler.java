package io.agentevents.adapter.http.route;

import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.dto.response.AgentResponse;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.agent.GetAgentUseCase;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v2/{p}/agents/{a}}. */
public final class GetAgentHandler implements Endpoint {

    private final GetAgentUseCase get;
    private final PublicUrl publicUrl;

    public GetAgentHandler(GetAgentUseCase get, PublicUrl publicUrl) {
        this.get = get;
        this.publicUrl = publicUrl;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        AgentQuery query = new AgentQuery(Authenticator.callerOf(context), PathParams.project(context),
                PathParams.agent(context));
        return Stages.onContext(get.get(query), context.vertx())
                .map(agent -> Reply.json(200, AgentResponse.from(agent, publicUrl)));
    }
}
