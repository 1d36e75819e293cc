package io.agentevents.adapter.http.route;

import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.dto.request.RegisterAgentRequest;
import io.agentevents.adapter.http.dto.response.AgentResponse;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.edge.RequestIds;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.application.port.in.agent.RegisterAgentCommand;
import io.agentevents.application.port.in.agent.RegisterAgentUseCase;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /v2/{p}/agents}: 201 with {@code Location}, the agent resource and its one-time password. */
public final class PostAgentHandler implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(PostAgentHandler.class);

    private final RegisterAgentUseCase register;
    private final JsonCodec codec;
    private final PublicUrl publicUrl;

    public PostAgentHandler(RegisterAgentUseCase register, JsonCodec codec, PublicUrl publicUrl) {
        this.register = register;
        this.codec = codec;
        this.publicUrl = publicUrl;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        RegisterAgentRequest request = RegisterAgentRequest.from(RequestBodies.objectOf(context, codec));
        RegisterAgentCommand command = RequestBodies.parsed(() -> request.toCommand(
                Authenticator.callerOf(context), PathParams.project(context), RequestIds.of(context)));
        return Stages.onContext(register.register(command), context.vertx()).map(registration -> {
            LOG.info("registered agent {} in project {}", registration.agent().id(), command.project());
            AgentResponse body = AgentResponse.from(registration, publicUrl);
            String location = publicUrl.at("/v2/" + command.project() + "/agents/" + registration.agent().id());
            return Reply.json(201, body).withHeaders(Map.of("Location", location)).replayedAs(body.withoutPassword());
        });
    }
}
