package io.agentevents.adapter.http.route;

import io.agentevents.adapter.http.client.ClientAddress;
import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.dto.request.AgentTokenRequest;
import io.agentevents.adapter.http.dto.response.AgentTokenResponse;
import io.agentevents.adapter.http.wire.Timestamps;
import io.agentevents.application.port.in.access.AuthenticateAgentCommand;
import io.agentevents.application.port.in.access.AuthenticateAgentUseCase;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /v2/{p}/agents/tokens}: an agent trades its password for a token. No token needed. */
public final class PostAgentTokenHandler implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(PostAgentTokenHandler.class);

    private final AuthenticateAgentUseCase authenticate;
    private final JsonCodec codec;

    public PostAgentTokenHandler(AuthenticateAgentUseCase authenticate, JsonCodec codec) {
        this.authenticate = authenticate;
        this.codec = codec;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        AgentTokenRequest request = AgentTokenRequest.from(RequestBodies.objectOf(context, codec));
        AuthenticateAgentCommand command = RequestBodies.parsed(() -> request.toCommand(PathParams.project(context),
                ClientAddress.of(context)));
        // A worker, whatever the store: an old password hash takes a fraction of a second to verify.
        return Stages.onContext(authenticate.authenticate(command), context.vertx()).map(token -> {
            LOG.info("issued a token to agent {} of project {}, valid until {}", command.agent(), command.project(),
                    Timestamps.format(token.expiresAt()));
            return Reply.json(200, AgentTokenResponse.from(token));
        });
    }
}
