package io.agentevents.adapter.http.route;

import io.agentevents.adapter.http.dto.response.AgentListResponse;
import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.wire.BadRequestException;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.application.port.in.agent.ListAgentsQuery;
import io.agentevents.application.port.in.agent.ListAgentsUseCase;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.activation.Mode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code GET /v2/{p}/agents}: the project's agents, as the reference lists them; beyond it, the
 * fleet view: each agent's live status ({@code ?include=status}), filters ({@code ?online=},
 * {@code ?mode=}, {@code ?host_machine_id=}) and pages ({@code ?marker=&limit=}, with a
 * {@code next} link while more agents match). Every problem of the query is reported at once.
 */
public final class GetAgentsHandler implements Endpoint {

    static final String HOST_MACHINE_ID = "host_machine_id";

    private final ListAgentsUseCase list;
    private final PublicUrl publicUrl;

    public GetAgentsHandler(ListAgentsUseCase list, PublicUrl publicUrl) {
        this.list = list;
        this.publicUrl = publicUrl;
    }

    /** What the query asks beyond the use case's query: how to answer. */
    private record Asked(ListAgentsQuery query, boolean withStatus, boolean paged) {
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        Asked asked = parse(context);
        return Stages.onContext(list.list(asked.query()), context.vertx())
                .map(agents -> Reply.json(200, AgentListResponse.from(agents, asked.query(), asked.withStatus(),
                        asked.paged(), publicUrl)));
    }

    private static Asked parse(RoutingContext context) {
        MultiMap params = context.queryParams();
        List<String> errors = new ArrayList<>();
        Optional<String> hostMachineId = single(params, HOST_MACHINE_ID, errors);
        if (hostMachineId.filter(String::isEmpty).isPresent()) {
            errors.add(HOST_MACHINE_ID + " must not be empty");
        }
        boolean withStatus = false;
        Optional<String> include = single(params, "include", errors);
        if (include.isPresent()) {
            if (include.get().equals("status")) {
                withStatus = true;
            } else {
                errors.add("include must be status; got '" + WireNames.clip(include.get()) + "'");
            }
        }
        Optional<Boolean> online = single(params, "online", errors).flatMap(text -> switch (text) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                errors.add("online must be true or false; got '" + WireNames.clip(text) + "'");
                yield Optional.empty();
            }
        });
        Optional<Mode> mode = single(params, "mode", errors).flatMap(text -> {
            try {
                return Optional.of(WireNames.mode(text));
            } catch (BadRequestException bad) {
                errors.add(bad.getMessage());
                return Optional.empty();
            }
        });
        Optional<AgentId> marker = single(params, "marker", errors).flatMap(text -> {
            try {
                return Optional.of(AgentId.parse(text));
            } catch (IllegalArgumentException bad) {
                errors.add("marker must be an agent id; got '" + WireNames.clip(text) + "'");
                return Optional.empty();
            }
        });
        OptionalInt limit = single(params, "limit", errors).map(text -> limitOf(text, errors)).orElse(OptionalInt.empty());
        if (!errors.isEmpty()) {
            throw new BadRequestException("invalid query: " + String.join("; ", errors), errors);
        }
        ListAgentsQuery query = new ListAgentsQuery(Authenticator.callerOf(context), PathParams.project(context),
                hostMachineId, online, mode, marker, limit);
        return new Asked(query, withStatus, marker.isPresent() || limit.isPresent());
    }

    private static OptionalInt limitOf(String text, List<String> errors) {
        if (!text.isEmpty() && text.length() <= 4 && text.chars().allMatch(Character::isDigit)) {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= ListAgentsQuery.MAX_LIMIT) {
                return OptionalInt.of(limit);
            }
        }
        errors.add("limit must be a whole number from 1 to " + ListAgentsQuery.MAX_LIMIT);
        return OptionalInt.empty();
    }

    private static Optional<String> single(MultiMap params, String name, List<String> errors) {
        List<String> values = params.getAll(name);
        if (values.size() > 1) {
            errors.add(name + " must be given at most once");
            return Optional.empty();
        }
        return values.stream().findFirst();
    }
}
