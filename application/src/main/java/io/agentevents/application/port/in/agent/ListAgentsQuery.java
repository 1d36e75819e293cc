package io.agentevents.application.port.in.agent;

import io.agentevents.domain.access.Caller;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Mode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Lists the agents of a project, oldest registration first, each with its live status.
 *
 * @param hostMachineId only the agents on the machine with this id; empty: all of them
 * @param online        only the agents whose status is (or is not) online; empty: both
 * @param mode          only the agents in this effective mode; empty: any
 * @param marker        only the agents listed after this one (the last of the page before)
 * @param limit         at most this many agents (1 to {@link #MAX_LIMIT}); empty: all of them
 */
public record ListAgentsQuery(Caller caller, ProjectId project, Optional<String> hostMachineId, Optional<Boolean> online,
                              Optional<Mode> mode, Optional<AgentId> marker, OptionalInt limit) {

    public static final int MAX_LIMIT = 1000;

    public ListAgentsQuery {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(hostMachineId, "hostMachineId must not be null (use Optional.empty())");
        Objects.requireNonNull(online, "online must not be null (use Optional.empty())");
        Objects.requireNonNull(mode, "mode must not be null (use Optional.empty())");
        Objects.requireNonNull(marker, "marker must not be null (use Optional.empty())");
        Objects.requireNonNull(limit, "limit must not be null (use OptionalInt.empty())");
        if (limit.isPresent() && (limit.getAsInt() < 1 || limit.getAsInt() > MAX_LIMIT)) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", was " + limit.getAsInt());
        }
    }

    public ListAgentsQuery(Caller caller, ProjectId project, Optional<String> hostMachineId) {
        this(caller, project, hostMachineId, Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty());
    }

    public ListAgentsQuery(Caller caller, ProjectId project) {
        this(caller, project, Optional.empty());
    }
}
