package io.agentevents.adapter.http.route;

import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.dto.response.ConfigurationResponse;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.agent.GetAgentConfigurationUseCase;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v2/{p}/agents/{a}/configuration}. */
public final class GetAgentConfigurationHandler implements Endpoint {

    private final GetAgentConfigurationUseCase configuration;
    private final PublicUrl publicUrl;

    public GetAgentConfigurationHandler(GetAgentConfigurationUseCase configuration,
                                        PublicUrl publicUrl) {
        this.configuration = configuration;
        this.publicUrl = publicUrl;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        AgentQuery query = new AgentQuery(Authenticator.callerOf(context), PathParams.project(context),
                PathParams.agent(context));
        return Stages.onContext(configuration.configuration(query), context.vertx())
                .map(agent -> Reply.json(200, ConfigurationResponse.from(agent, publicUrl)));
    }
}
