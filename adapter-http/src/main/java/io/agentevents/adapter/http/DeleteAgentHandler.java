package io.agentevents.adapter.http;

import io.agentevents.application.port.in.agent.DeleteAgentCommand;
import io.agentevents.application.port.in.agent.DeleteAgentUseCase;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code DELETE /v2/{p}/agents/{a}}: 204. */
public final class DeleteAgentHandler implements Endpoint {

    private final DeleteAgentUseCase delete;
    private final Blocking blocking;

    public DeleteAgentHandler(DeleteAgentUseCase delete, Blocking blocking) {
        this.delete = delete;
        this.blocking = blocking;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        DeleteAgentCommand command = new DeleteAgentCommand(Authenticator.callerOf(context), PathParams.project(context),
                PathParams.agent(context), RequestIds.of(context));
        return blocking.run(() -> delete.delete(command), Reply.of(204));
    }
}
