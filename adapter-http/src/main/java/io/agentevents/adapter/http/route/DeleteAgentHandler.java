package io.agentevents.adapter.http.route;

import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.edge.RequestIds;
import io.agentevents.application.port.in.agent.DeleteAgentCommand;
import io.agentevents.application.port.in.agent.DeleteAgentUseCase;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code DELETE /v2/{p}/agents/{a}}: 204. */
public final class DeleteAgentHandler implements Endpoint {

    private final DeleteAgentUseCase delete;

    public DeleteAgentHandler(DeleteAgentUseCase delete) {
        this.delete = delete;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        DeleteAgentCommand command = new DeleteAgentCommand(Authenticator.callerOf(context), PathParams.project(context),
                PathParams.agent(context), RequestIds.of(context));
        return Stages.onContext(delete.delete(command), context.vertx()).map(done -> Reply.of(204));
    }
}
