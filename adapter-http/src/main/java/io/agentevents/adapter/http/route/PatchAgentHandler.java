package io.agentevents.adapter.http.route;

import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.dto.request.AgentPatchRequest;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.edge.RequestIds;
import io.agentevents.application.port.in.agent.UpdateAgentCommand;
import io.agentevents.application.port.in.agent.UpdateAgentUseCase;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code PATCH /v2/{p}/agents/{a}}: a JSON Patch of the agent's settings; 204. */
public final class PatchAgentHandler implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(PatchAgentHandler.class);

    private final UpdateAgentUseCase update;
    private final JsonCodec codec;

    public PatchAgentHandler(UpdateAgentUseCase update, JsonCodec codec) {
        this.update = update;
        this.codec = codec;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        AgentPatchRequest request = AgentPatchRequest.from(RequestBodies.patchOf(context, codec));
        UpdateAgentCommand command = RequestBodies.parsed(() -> request.toCommand(Authenticator.callerOf(context),
                PathParams.project(context), PathParams.agent(context), RequestIds.of(context)));
        return Stages.onContext(update.update(command), context.vertx()).map(done -> Reply.of(204)).map(reply -> {
            LOG.info("updated agent {} of project {}: {}", command.agent(), command.project(), command.changes());
            return reply;
        });
    }
}
