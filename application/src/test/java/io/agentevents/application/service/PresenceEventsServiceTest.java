package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static io.agentevents.domain.TestSessions.newRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.in.activation.ActivateAgentCommand;
import io.agentevents.application.port.in.activation.ActivateAgentsCommand;
import io.agentevents.application.port.in.agent.DeleteAgentCommand;
import io.agentevents.application.port.in.feed.AgentSignal;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.in.feed.ListProjectEventsQuery;
import io.agentevents.application.port.in.feed.RecordAgentEventCommand;
import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.service.presence.PresenceEvents;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.session.AgentCameOnline;
import io.agentevents.domain.event.AgentEvent;
import io.agentevents.domain.session.AgentWentOffline;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** agent_online / agent_offline: a flip of presence is announced once, after the hold-down for offline. */
class PresenceEventsServiceTest {

    private static final Duration HOLD_DOWN = Duration.ofSeconds(10);
    private static final EventPageRequest FIRST_HUNDRED = new EventPageRequest(Optional.empty(), 100, SortDirection.ASC);

    private final InMemoryApplication app = new InMemoryApplication(PresenceEvents.on(HOLD_DOWN));
    /** The largest id read so far: the feed is read as a client following it with markers would. */
    private Optional<EventId> marker = Optional.empty();

    /** An agent woken to active (a 5 s window) that has not checked in yet. */
    private AgentCaller activeAgent() {
        AgentCaller agent = app.registeredAgentCaller();
        awaited(app.activateAgent.activate(new ActivateAgentCommand(app.admin, app.project, agent.agent(), Mode.ACTIVE,
                newRequest())));
        newPresenceEvents();
        return agent;
    }

    private void checkInAndFlush(AgentCaller agent) {
        app.poll(new ListAgentEventsQuery(agent, app.project, agent.agent(), FIRST_HUNDRED, newRequest()));
        awaited(app.flushPresence.flush());
    }

    private int sweepAfter(Duration elapsed) {
        app.clock.advanceBy(elapsed);
        return awaited(app.sweepPresence.sweep());
    }

    private void signal(AgentCaller agent, AgentSignal signal) {
        awaited(app.recordAgentEvent.record(new RecordAgentEventCommand(agent, app.project, agent.agent(), signal,
                false, newRequest())));
    }

    /** The presence events of the project feed after the marker, moving the marker past everything read. */
    private List<AgentEvent> newPresenceEvents() {
        List<AgentEvent> presence = new ArrayList<>();
        while (true) {
            List<StoredEvent> page = awaited(app.listProjectEvents.list(new ListProjectEventsQuery(app.admin, app.project,
                    new EventPageRequest(marker, 100, SortDirection.ASC)))).events();
            if (page.isEmpty()) {
                return presence;
            }
            marker = Optional.of(page.get(page.size() - 1).id());
            page.stream().map(StoredEvent::event)
                    .filter(event -> event instanceof AgentCameOnline || event instanceof AgentWentOffline)
                    .forEach(presence::add);
        }
    }

    @Test
    void theFirstCheckIn_isAnnouncedOnline_once() {
        AgentCaller agent = activeAgent();

        checkInAndFlush(agent);
        assertThat(newPresenceEvents()).containsExactly(new AgentCameOnline(agent.agent(), app.clock.instant()));
        app.clock.advanceBy(Duration.ofSeconds(1));
        checkInAndFlush(agent);
        assertThat(newPresenceEvents()).isEmpty();
    }

    @Test
    void anAgentSilentPastItsWindow_isAnnouncedOfflineOnlyAfterTheHoldDown_thenOnlineWhenBack() {
        AgentCaller agent = activeAgent();
        checkInAndFlush(agent);
        newPresenceEvents();

        assertThat(sweepAfter(Duration.ofSeconds(6))).as("past its 5 s window, in the hold-down").isZero();
        assertThat(sweepAfter(Duration.ofSeconds(9))).as("15 s: not yet the whole hold-down").isZero();
        assertThat(sweepAfter(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(newPresenceEvents()).containsExactly(new AgentWentOffline(agent.agent(), app.clock.instant()));
        assertThat(sweepAfter(Duration.ofSeconds(5))).as("announced already").isZero();

        checkInAndFlush(agent);
        assertThat(newPresenceEvents()).containsExactly(new AgentCameOnline(agent.agent(), app.clock.instant()));
    }

    @Test
    void aLatePollWithinTheHoldDown_announcesNothing() {
        AgentCaller agent = activeAgent();
        checkInAndFlush(agent);
        newPresenceEvents();

        assertThat(sweepAfter(Duration.ofSeconds(12))).isZero();
        checkInAndFlush(agent); // seven seconds late
        assertThat(sweepAfter(Duration.ofSeconds(4))).isZero();

        assertThat(newPresenceEvents()).as("no flap").isEmpty();
    }

    @Test
    void aCheckInWaitingInThisNodesBuffer_keepsTheAgentOnline() {
        AgentCaller agent = activeAgent();
        checkInAndFlush(agent);
        newPresenceEvents();
        app.clock.advanceBy(Duration.ofSeconds(20));
        app.poll(new ListAgentEventsQuery(agent, app.project, agent.agent(), FIRST_HUNDRED, newRequest())); // not flushed

        assertThat(awaited(app.sweepPresence.sweep())).isZero();
        awaited(app.flushPresence.flush());
        assertThat(newPresenceEvents()).as("never offline, so not online again either").isEmpty();
    }

    @Test
    void aShutdown_isAnnouncedOfflineAtOnce_andAStartupOnline() {
        AgentCaller agent = activeAgent();
        checkInAndFlush(agent);
        newPresenceEvents();
        app.clock.advanceBy(Duration.ofSeconds(1));

        signal(agent, AgentSignal.SHUTDOWN);
        assertThat(newPresenceEvents()).containsExactly(new AgentWentOffline(agent.agent(), app.clock.instant()));
        assertThat(sweepAfter(Duration.ofSeconds(30))).isZero();

        signal(agent, AgentSignal.STARTUP);
        assertThat(newPresenceEvents()).containsExactly(new AgentCameOnline(agent.agent(), app.clock.instant()));
    }

    @Test
    void aCheckInFromBeforeAShutdown_writtenAfterIt_leavesTheAgentOffline_andAnnouncesNothing() {
        AgentCaller agent = activeAgent();
        checkInAndFlush(agent);
        newPresenceEvents();
        Instant polledBeforeTheShutdown = app.clock.instant();
        app.clock.advanceBy(Duration.ofMillis(100));
        signal(agent, AgentSignal.SHUTDOWN);
        newPresenceEvents();
        AgentKey key = new AgentKey(app.project, agent.agent());

        // As another node's buffer would hand it over: taken before the shutdown, flushed after it.
        app.presence.checkIn(key, polledBeforeTheShutdown, newRequest());
        awaited(app.flushPresence.flush());

        assertThat(app.sessions.find(app.project, agent.agent()).orElseThrow().session().shutDown()).isTrue();
        assertThat(newPresenceEvents()).isEmpty();
        app.clock.advanceBy(Duration.ofSeconds(1));
        checkInAndFlush(agent);
        assertThat(newPresenceEvents()).containsExactly(new AgentCameOnline(agent.agent(), app.clock.instant()));
    }

    @Test
    void aDeletedAgent_isNeverAnnouncedOffline() {
        AgentCaller agent = activeAgent();
        checkInAndFlush(agent);
        newPresenceEvents();
        awaited(app.deleteAgent.delete(new DeleteAgentCommand(app.admin, app.project, agent.agent(), newRequest())));

        assertThat(sweepAfter(Duration.ofMinutes(1))).isZero();
        assertThat(newPresenceEvents()).isEmpty();
    }

    @Test
    void aFleetGoingOffline_isAnnouncedInBatches_everyAgentOnce() {
        List<AgentCaller> agents = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            agents.add(app.registeredAgentCaller());
        }
        awaited(app.activateAgents.activate(new ActivateAgentsCommand(app.admin, app.project, Mode.ACTIVE, newRequest())));
        agents.forEach(agent -> app.poll(new ListAgentEventsQuery(agent, app.project, agent.agent(), FIRST_HUNDRED,
                newRequest())));
        awaited(app.flushPresence.flush());
        assertThat(newPresenceEvents()).hasSize(1_200).allMatch(AgentCameOnline.class::isInstance);

        assertThat(sweepAfter(Duration.ofSeconds(16))).isEqualTo(1_200);
        assertThat(newPresenceEvents()).hasSize(1_200).allMatch(AgentWentOffline.class::isInstance)
                .extracting(event -> event.agent().orElseThrow()).doesNotHaveDuplicates();
    }

    @Test
    void withPresenceEventsOff_nothingIsAnnounced() {
        InMemoryApplication off = new InMemoryApplication();
        AgentCaller agent = off.registeredAgentCaller();
        off.poll(new ListAgentEventsQuery(agent, off.project, agent.agent(), FIRST_HUNDRED, newRequest()));
        awaited(off.flushPresence.flush());
        off.clock.advanceBy(Duration.ofHours(4));
        awaited(off.sweepPresence.sweep());

        assertThat(awaited(off.listProjectEvents.list(new ListProjectEventsQuery(off.admin, off.project, FIRST_HUNDRED)))
                .events()).extracting(StoredEvent::event)
                .noneMatch(event -> event instanceof AgentCameOnline || event instanceof AgentWentOffline);
    }
}
