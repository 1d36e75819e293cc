package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static io.agentevents.domain.TestSessions.newRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.MarkerNotFoundException;
import io.agentevents.application.port.in.activation.ActivateAgentCommand;
import io.agentevents.application.port.in.agent.AgentList;
import io.agentevents.application.port.in.agent.ListAgentsQuery;
import io.agentevents.application.memory.InMemoryAgentFleet;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.out.AgentFleet;
import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.agent.ListAgentsService;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The fleet view: every agent with its status as this node knows it, filtered on it, in pages. */
class ListAgentsServiceTest {

    private final InMemoryApplication app = new InMemoryApplication();
    private final EventPageRequest firstHundred = new EventPageRequest(Optional.empty(), 100, SortDirection.ASC);

    private AgentList list(Optional<Boolean> online, Optional<Mode> mode, Optional<AgentId> marker, OptionalInt limit) {
        return awaited(app.listAgents.list(new ListAgentsQuery(app.observer, app.project, Optional.empty(), online, mode,
                marker, limit)));
    }

    private static List<AgentId> ids(AgentList list) {
        return list.agents().stream().map(listed -> listed.agent().id()).toList();
    }

    /** A newly registered, signed-in agent, a microsecond after the one before (the list's order). */
    private AgentCaller registered() {
        app.clock.advanceBy(Duration.ofNanos(1_000));
        return app.registeredAgentCaller();
    }

    private void checkIn(AgentCaller agent) {
        app.poll(new ListAgentEventsQuery(agent, app.project, agent.agent(), firstHundred, newRequest()));
    }

    @Test
    void eachAgent_hasItsLiveStatus_thisNodesCheckInsIncluded_andTheFiltersSelectOnIt() {
        AgentCaller seen = registered();
        AgentCaller silent = registered();
        AgentCaller woken = registered();
        awaited(app.activateAgent.activate(new ActivateAgentCommand(app.admin, app.project, woken.agent(), Mode.REAL_TIME,
                newRequest())));
        app.clock.advanceBy(Duration.ofSeconds(1));
        checkIn(seen);
        checkIn(woken);

        AgentList all = list(Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty());

        assertThat(ids(all)).as("oldest registration first").containsExactly(seen.agent(), silent.agent(), woken.agent());
        assertThat(all.agents().get(0).status().online()).as("unflushed, read on the node that took it").isTrue();
        assertThat(all.agents().get(0).status().lastHeartbeatAt()).contains(app.clock.instant());
        assertThat(all.agents().get(1).status().online()).isFalse();
        assertThat(all.agents().get(2).status().mode()).isEqualTo(Mode.REAL_TIME);
        assertThat(all.next()).isEmpty();
        assertThat(app.presence.size()).as("nothing was flushed to read it").isEqualTo(2);
        assertThat(ids(list(Optional.of(true), Optional.empty(), Optional.empty(), OptionalInt.empty())))
                .containsExactly(seen.agent(), woken.agent());
        assertThat(ids(list(Optional.of(false), Optional.empty(), Optional.empty(), OptionalInt.empty())))
                .containsExactly(silent.agent());
        assertThat(ids(list(Optional.empty(), Optional.of(Mode.REAL_TIME), Optional.empty(), OptionalInt.empty())))
                .containsExactly(woken.agent());
        assertThat(ids(list(Optional.of(false), Optional.of(Mode.REAL_TIME), Optional.empty(), OptionalInt.empty())))
                .isEmpty();
    }

    @Test
    void pages_followEachOther_withoutAGapOrARepeat_evenWhenTheMarkersAgentNoLongerMatches() {
        List<AgentId> agents = List.of(registered().agent(), registered().agent(), registered().agent(),
                registered().agent(), registered().agent());

        AgentList first = list(Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.of(2));
        AgentList second = list(Optional.empty(), Optional.empty(), first.next(), OptionalInt.of(2));
        awaited(app.activateAgent.activate(new ActivateAgentCommand(app.admin, app.project, second.next().orElseThrow(),
                Mode.ACTIVE, newRequest())));
        AgentList third = list(Optional.empty(), Optional.of(Mode.IDLE), second.next(), OptionalInt.of(2));

        assertThat(ids(first)).containsExactlyElementsOf(agents.subList(0, 2));
        assertThat(first.next()).contains(agents.get(1));
        assertThat(ids(second)).containsExactlyElementsOf(agents.subList(2, 4));
        assertThat(ids(third)).as("the marker's agent left the filter: the page still starts after it")
                .containsExactly(agents.get(4));
        assertThat(third.next()).as("the last page").isEmpty();
        assertThat(list(Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.of(5)).next())
                .as("a full page with nothing after it").isEmpty();
    }

    @Test
    void aFlushThatWritesWhileTheFleetIsRead_losesNoCheckIn() {
        AgentCaller seen = registered();
        checkIn(seen);
        // The store is read before the flush writes, and the flush empties the buffer before the read ends.
        AgentFleet racing = project -> {
            List<AgentFleet.Member> read = new InMemoryAgentFleet(app.registry, app.sessions).list(project);
            assertThat(awaited(app.flushPresence.flush())).isEqualTo(1);
            return read;
        };
        ListAgentsService listing = new ListAgentsService(racing, app.presence, app.schedules, app.clock,
                StoreCalls.inline());

        AgentList listed = awaited(listing.list(new ListAgentsQuery(app.observer, app.project)));

        assertThat(listed.agents().get(0).status().online()).isTrue();
        assertThat(app.presence.peek(new AgentKey(app.project, seen.agent()))).as("written, not buffered").isEmpty();
    }

    @Test
    void aMarkerThatIsNoAgentOfTheProject_isRefused_andOtherProjectsAreDenied() {
        app.registeredAgentCaller();

        assertThatThrownBy(() -> list(Optional.empty(), Optional.empty(), Optional.of(AgentId.parse(
                "00000000-0000-4000-8000-000000000009")), OptionalInt.of(10)))
                .isInstanceOf(MarkerNotFoundException.class).hasMessageContaining("list again without a marker");
        assertThatThrownBy(() -> awaited(app.listAgents.list(new ListAgentsQuery(app.otherAdmin, app.project))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
