package io.agentevents.adapter.http.route;

import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.dto.response.AgentListResponse;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.application.port.in.agent.ListAgentsQuery;
import io.agentevents.application.port.in.agent.ListAgentsUseCase;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/** {@code GET /v2/{p}/agents[?host_machine_id=…]}: the project's agents, or those of one host machine. */
public final class GetAgentsHandler implements Endpoint {

    static final String HOST_MACHINE_ID = "host_machine_id";

    private final ListAgentsUseCase list;
    private final PublicUrl publicUrl;

    public GetAgentsHandler(ListAgentsUseCase list, PublicUrl publicUrl) {
        this.list = list;
        this.publicUrl = publicUrl;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        ListAgentsQuery query = new ListAgentsQuery(Authenticator.callerOf(context), PathParams.project(context),
                hostMachineId(context));
        return Stages.onContext(list.list(query), context.vertx())
                .map(agents -> Reply.json(200, AgentListResponse.from(agents, publicUrl)));
    }

    private static Optional<String> hostMachineId(RoutingContext context) {
        List<String> values = context.queryParams().getAll(HOST_MACHINE_ID);
        if (values.size() > 1) {
            throw new BadRequestException(HOST_MACHINE_ID + " must be given at most once");
        }
        if (values.size() == 1 && values.get(0).isEmpty()) {
            throw new BadRequestException(HOST_MACHINE_ID + " must not be empty");
        }
        return values.stream().findFirst();
    }
}
