package io.agentevents.application.service.agent;

import io.agentevents.application.port.in.MarkerNotFoundException;
import io.agentevents.application.port.in.agent.AgentList;
import io.agentevents.application.port.in.agent.ListAgentsQuery;
import io.agentevents.application.port.in.agent.ListAgentsUseCase;
import io.agentevents.application.port.out.AgentFleet;
import io.agentevents.application.port.out.AgentFleet.Member;
import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.application.service.PresenceBuffer.Observation;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.AgentStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The fleet view: the project's agents read with their sessions in one store read, each agent's
 * status as this node knows it ({@link LiveStatus}), then filtered and paged here, since presence
 * depends on the time of the read.
 */
public class ListAgentsService implements ListAgentsUseCase {

    private final AgentFleet fleet;
    private final LiveStatus live;
    private final Clock clock;
    private final StoreCalls calls;

    public ListAgentsService(AgentFleet fleet, PresenceBuffer unflushed, Schedules schedules, Clock clock, StoreCalls calls) {
        this.fleet = fleet;
        this.live = new LiveStatus(unflushed, schedules);
        this.clock = clock;
        this.calls = calls;
    }

    @Override
    public CompletionStage<AgentList> list(ListAgentsQuery query) {
        return calls.supply(() -> listNow(query));
    }

    private AgentList listNow(ListAgentsQuery query) {
        Access.requireReader(query.caller(), query.project());
        Map<AgentKey, Observation> seen = live.unflushed(query.project());
        List<Member> members = fleet.list(query.project());
        int start = 0;
        if (query.marker().isPresent()) {
            start = indexOf(members, query.marker().get()) + 1;
            if (start == 0) {
                throw new MarkerNotFoundException(query.project(), query.marker().get());
            }
        }
        int limit = query.limit().orElse(Integer.MAX_VALUE);
        Instant now = clock.instant();
        List<AgentList.Listed> page = new ArrayList<>();
        for (int i = start; i < members.size(); i++) {
            Member member = members.get(i);
            if (query.hostMachineId().isPresent() && !member.agent().host().machineId().equals(query.hostMachineId().get())) {
                continue;
            }
            AgentStatus status = statusOf(member, seen, now);
            if (query.online().isPresent() && status.online() != query.online().get()
                    || query.mode().isPresent() && status.mode() != query.mode().get()) {
                continue;
            }
            if (page.size() == limit) {
                return new AgentList(page, Optional.of(page.get(page.size() - 1).agent().id()));
            }
            page.add(new AgentList.Listed(member.agent(), status));
        }
        return new AgentList(page, Optional.empty());
    }

    private static int indexOf(List<Member> members, AgentId agent) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).agent().id().equals(agent)) {
                return i;
            }
        }
        return -1;
    }

    private AgentStatus statusOf(Member member, Map<AgentKey, Observation> seen, Instant now) {
        // An agent whose registration is still being written has never been seen.
        return live.of(member.session().orElseGet(() -> new CoveredSession(
                        AgentSession.start(member.agent().project(), member.agent().id()), Optional.empty())),
                Optional.ofNullable(seen.get(new AgentKey(member.agent().project(), member.agent().id()))), now);
    }
}
