package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static io.agentevents.domain.TestSessions.newRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.in.activation.ActivateAgentCommand;
import io.agentevents.application.port.in.activation.ActivateAgentsCommand;
import io.agentevents.application.port.in.agent.DeleteAgentCommand;
import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.in.feed.PollDirective;
import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.EventSignals;
import io.agentevents.application.service.feed.ListAgentEventsService;
import io.agentevents.application.service.feed.RememberedAgentEventsService;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Polls and tokens answered from what the node remembers: only while no signal says the agent's
 * feed changed, never from a read that a change raced, and with the check-in still recorded.
 */
class AnsweredFromMemoryTest {

    private final InMemoryApplication app = new InMemoryApplication();

    /** Polls until the feed is empty: the query the agent's next poll makes. */
    private ListAgentEventsQuery caughtUp(AgentCaller agent) {
        EventPageRequest page = new EventPageRequest(Optional.empty(), 100, SortDirection.ASC);
        while (true) {
            ListAgentEventsQuery query = new ListAgentEventsQuery(agent, app.project, agent.agent(), page, newRequest());
            EventPage answer = InMemoryApplication.awaited(app.rememberedFeeds.list(query)).page();
            if (answer.events().isEmpty()) {
                return query;
            }
            page = new EventPageRequest(answer.next(), 100, SortDirection.ASC);
        }
    }

    /** The poll's answer if the remembering service gave it from memory, without the store. */
    private Optional<AgentEventsPage> fromMemory(RememberedAgentEventsService remembered, ListAgentEventsQuery query) {
        long before = remembered.answeredFromMemory();
        int storeCalls = app.storeCallCount.get();
        AgentEventsPage answer = InMemoryApplication.awaited(remembered.list(query));
        if (remembered.answeredFromMemory() == before) {
            return Optional.empty();
        }
        assertThat(app.storeCallCount.get()).as("no store call").isEqualTo(storeCalls);
        return Optional.of(answer);
    }

    private Optional<AgentEventsPage> fromMemory(ListAgentEventsQuery query) {
        return fromMemory(app.rememberedFeeds, query);
    }

    private ListAgentEventsQuery again(ListAgentEventsQuery query) {
        return new ListAgentEventsQuery(query.caller(), query.project(), query.agent(), query.page(), newRequest());
    }

    @Test
    void anEmptyPoll_isAnsweredAgainFromMemory_withACheckIn_untilItsModeRunsOut() {
        AgentCaller agent = app.registeredAgentCaller();
        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.ACTIVE, newRequest()));
        ListAgentEventsQuery query = caughtUp(agent);
        AgentEventsPage read = InMemoryApplication.awaited(app.rememberedFeeds.list(query));
        app.presence.drain();

        Duration activeLasts = app.schedules.forMode(Mode.ACTIVE).activationLasts().orElseThrow();
        app.clock.advanceBy(activeLasts.minusSeconds(1));
        Optional<AgentEventsPage> recalled = fromMemory(again(query));
        assertThat(recalled).contains(read);
        assertThat(read.directive().orElseThrow().mode()).isEqualTo(Mode.ACTIVE);
        assertThat(app.presence.drain()).containsKey(new AgentKey(app.project, agent.agent()));

        // The activation ran out: the mode is worked out again from the store, not remembered.
        app.clock.advanceBy(Duration.ofSeconds(2));
        assertThat(fromMemory(again(query))).isEmpty();
        AgentEventsPage afterwards = InMemoryApplication.awaited(app.rememberedFeeds.list(again(query)));
        assertThat(afterwards.page()).isEqualTo(read.page());
        assertThat(afterwards.directive().orElseThrow().mode()).isEqualTo(Mode.IDLE);
        assertThat(afterwards.directive().orElseThrow().pollEvery()).isEqualTo(app.schedules.forMode(Mode.IDLE).pollEvery());
    }

    @Test
    void aPollAfterAnActivationOfTheProjectOrOfTheAgent_isReadFromTheStore() {
        AgentCaller agent = app.registeredAgentCaller();
        ListAgentEventsQuery query = caughtUp(agent);

        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.ACTIVE, newRequest()));
        assertThat(fromMemory(again(query))).isEmpty();
        assertThat(app.poll(again(query)).page().events()).hasSize(1);

        query = caughtUp(agent);
        awaited(app.activateAgent.activate(new ActivateAgentCommand(app.admin, app.project, agent.agent(), Mode.REAL_TIME,
                newRequest())));
        assertThat(fromMemory(again(query))).isEmpty();
        AgentEventsPage read = app.poll(again(query));
        assertThat(read.page().events()).hasSize(1);
        assertThat(read.directive().orElseThrow().mode()).isEqualTo(Mode.REAL_TIME);
    }

    @Test
    void anotherAgentsActivation_orAnotherMarker_leavesTheRememberedPageAlone() {
        AgentCaller agent = app.registeredAgentCaller();
        AgentCaller other = app.registeredAgentCaller();
        ListAgentEventsQuery query = caughtUp(agent);

        awaited(app.activateAgent.activate(new ActivateAgentCommand(app.admin, app.project, other.agent(), Mode.ACTIVE,
                newRequest())));

        assertThat(fromMemory(again(query))).isPresent();
        EventPageRequest fromTheStart = new EventPageRequest(Optional.empty(), 100, SortDirection.ASC);
        assertThat(fromMemory(new ListAgentEventsQuery(agent, app.project, agent.agent(),
                fromTheStart, newRequest()))).isEmpty();
    }

    @Test
    void aChangeSignalledWhileTheStoreWasRead_keepsThatReadFromBeingRemembered() {
        AgentCaller agent = app.registeredAgentCaller();
        ListAgentEventsQuery query = caughtUp(agent);
        // The feed is read empty, then an activation commits before the answer is remembered.
        EventLog racing = (EventLog) Proxy.newProxyInstance(EventLog.class.getClassLoader(), new Class<?>[]{EventLog.class},
                (proxy, method, arguments) -> {
                    Object answer = method.invoke(app.eventLog, arguments);
                    if (method.getName().equals("feed")) {
                        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.REAL_TIME,
                                newRequest()));
                    }
                    return answer;
                });
        RememberedAgentEventsService service = new RememberedAgentEventsService(new ListAgentEventsService(app.sessions,
                racing, app.presence, app.schedules, app.clock, app.storeCalls), app.stamps, app.presence, app.clock);

        assertThat(InMemoryApplication.awaited(service.list(again(query))).page().events()).isEmpty();

        assertThat(fromMemory(service, again(query))).isEmpty();
    }

    @Test
    void readsByUsers_areNeverAnsweredFromMemory() {
        AgentCaller agent = app.registeredAgentCaller();
        ListAgentEventsQuery query = caughtUp(agent);

        assertThat(fromMemory(new ListAgentEventsQuery(app.observer, app.project, agent.agent(),
                query.page(), newRequest()))).isEmpty();
        assertThat(fromMemory(again(query))).isPresent();
    }

    @Test
    void withoutSignals_nothingIsAnsweredFromMemory() {
        FeedStamps notDelivering = FeedStamps.following(new EventSignals() {
            @Override
            public void listen(Listener listener) {
            }

            @Override
            public boolean delivering() {
                return false;
            }
        });
        RememberedAgentEventsService service = new RememberedAgentEventsService(app.listAgentEvents, notDelivering,
                app.presence, app.clock);
        AgentCaller agent = app.registeredAgentCaller();
        ListAgentEventsQuery query = caughtUp(agent);
        service.list(again(query));

        assertThat(fromMemory(service, again(query))).isEmpty();
        RememberedAgentEventsService never = new RememberedAgentEventsService(app.listAgentEvents, FeedStamps.never(),
                app.presence, app.clock);
        never.list(again(query));
        assertThat(fromMemory(never, again(query))).isEmpty();
    }

    @Test
    void anAgentsToken_isKnownOnceRead_untilTheAgentIsDeleted() {
        Secret token = app.registeredAgentToken();
        int callsBefore = app.storeCallCount.get();
        AgentCaller agent = (AgentCaller) app.identified(token);
        assertThat(app.storeCallCount.get()).as("read from the store").isEqualTo(callsBefore + 1);

        assertThat(app.identify.identify(token).toCompletableFuture()).isCompletedWithValue(agent);
        assertThat(app.storeCallCount.get()).as("known from memory").isEqualTo(callsBefore + 1);

        awaited(app.deleteAgent.delete(new DeleteAgentCommand(app.admin, app.project, agent.agent(), newRequest())));
        assertThatThrownBy(() -> app.identified(token)).isInstanceOf(NotAuthenticatedException.class);
        assertThat(app.storeCallCount.get()).as("read again once deleted").isEqualTo(callsBefore + 2);
    }

    @Test
    void aKnownToken_stillExpires_andUserTokensAreAlwaysKnown() {
        Secret token = app.registeredAgentToken();
        app.identified(token);
        int callsBefore = app.storeCallCount.get();

        app.clock.advanceBy(InMemoryApplication.AGENT_TOKEN_LIFETIME);

        assertThatThrownBy(() -> app.identified(token)).isInstanceOf(NotAuthenticatedException.class)
                .hasMessageContaining("expired");
        assertThat(app.identify.identify(app.adminToken).toCompletableFuture()).isCompletedWithValue(app.admin);
        assertThat(app.storeCallCount.get()).as("both known from memory").isEqualTo(callsBefore);
    }

    @Test
    void inMemory_aTransactionsSignalsComeOnceAllItsChangesAreVisible() {
        AgentId agent = app.register().agent().id();
        List<Mode> modesWhenSignalled = new ArrayList<>();
        app.signals.listen(new EventSignals.Listener() {
            @Override
            public void appended(ProjectId project, Optional<AgentId> about) {
                modesWhenSignalled.add(app.modeOf(agent));
            }

            @Override
            public void mayHaveMissedSome() {
            }
        });

        // The service appends the event first and saves the project's activation after it.
        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.REAL_TIME, newRequest()));

        assertThat(modesWhenSignalled).containsExactly(Mode.REAL_TIME);
    }
}
