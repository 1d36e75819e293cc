package io.agentevents.adapter.http;

import io.agentevents.adapter.http.dto.ConfigurationResponse;
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
