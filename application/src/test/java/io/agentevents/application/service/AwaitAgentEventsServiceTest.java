package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static io.agentevents.domain.TestSessions.newRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.in.activation.ActivateAgentCommand;
import io.agentevents.application.port.in.activation.ActivateAgentsCommand;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.AwaitAgentEventsQuery;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.in.feed.PendingPage;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.EventSignals;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.application.service.feed.AwaitAgentEventsService;
import io.agentevents.application.service.feed.ProjectWaiters;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.AgentStartedUp;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Waiting polls: held while the feed has nothing new, answered with what a full read gives once a
 * signal says it grew, and one read for all of a project's polls when the whole project is
 * activated. Signals are raised by hand here, so each test says exactly which ones arrive.
 */
class AwaitAgentEventsServiceTest {

    private static final Set<String> READS = Set.of("page", "feed", "feedWithHeartbeats", "newInFeed", "inFeedsAfter");
    private static final Duration LONG = Duration.ofSeconds(30);

    private final InMemoryApplication app = new InMemoryApplication();
    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1);
    /** The reads the waiting polls made of the log, by method name. */
    private final List<String> reads = Collections.synchronizedList(new ArrayList<>());
    private final EventLog countedLog = (EventLog) Proxy.newProxyInstance(EventLog.class.getClassLoader(),
            new Class<?>[] {EventLog.class}, (proxy, method, arguments) -> {
                if (READS.contains(method.getName())) {
                    reads.add(method.getName());
                }
                return method.invoke(app.eventLog, arguments);
            });
    private EventSignals.Listener signals;
    private final AwaitAgentEventsService await = new AwaitAgentEventsService(app.sessions, countedLog, app.presence,
            app.schedules, app.clock, app.storeCalls, listener -> signals = listener, deadlines);

    {
        deadlines.setRemoveOnCancelPolicy(true); // as the service runs them
    }

    @AfterEach
    void stopDeadlines() {
        deadlines.shutdownNow();
    }

    /** The query of the agent's next poll once it has read its whole feed. */
    private ListAgentEventsQuery caughtUp(AgentCaller agent, int limit) {
        EventPageRequest page = new EventPageRequest(Optional.empty(), limit, SortDirection.ASC);
        while (true) {
            ListAgentEventsQuery query = new ListAgentEventsQuery(agent, app.project, agent.agent(), page, newRequest());
            EventPage answer = app.poll(query).page();
            if (answer.events().isEmpty()) {
                return query;
            }
            page = new EventPageRequest(answer.next(), limit, SortDirection.ASC);
        }
    }

    private PendingPage waiting(ListAgentEventsQuery query) {
        return await.await(new AwaitAgentEventsQuery(query, LONG));
    }

    private static CompletableFuture<AgentEventsPage> answer(PendingPage pending) {
        return pending.page().toCompletableFuture();
    }

    private Optional<Instant> lastCheckIn(AgentId agent) {
        awaited(app.flushPresence.flush());
        return awaited(app.agentStatus.status(new AgentQuery(app.observer, app.project, agent))).lastHeartbeatAt();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void anEmptyPage_isHeldUntilTheAgentsFeedGrows_thenIsWhatAFullReadGives_withoutASecondCheckIn(int limit) {
        AgentCaller agent = app.registeredAgentCaller();
        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.ACTIVE, newRequest()));
        ListAgentEventsQuery query = caughtUp(agent, limit);

        PendingPage pending = waiting(query);
        Optional<Instant> checkedIn = lastCheckIn(agent.agent());
        assertThat(answer(pending)).isNotDone();
        signals.appended(app.project, Optional.of(agent.agent())); // nothing new yet: it keeps waiting
        assertThat(answer(pending)).isNotDone();

        app.clock.advanceBy(Duration.ofSeconds(5));
        awaited(app.activateAgent.activate(new ActivateAgentCommand(app.admin, app.project, agent.agent(), Mode.REAL_TIME,
                newRequest())));
        signals.appended(app.project, Optional.of(agent.agent()));

        AgentEventsPage answered = answer(pending).join();
        assertThat(lastCheckIn(agent.agent())).as("the first read was the check-in").isEqualTo(checkedIn);
        AgentEventsPage full = app.poll(query);
        assertThat(answered).isEqualTo(full);
        assertThat(answered.page().events()).hasSize(1);
        assertThat(answered.directive().orElseThrow().mode()).isEqualTo(Mode.REAL_TIME);
        assertThat(await.waiting()).isZero();
    }

    @Test
    void aProjectActivation_isOneReadForEveryWaitingAgent_andGivesEachWhatAFullReadGives() {
        List<ListAgentEventsQuery> queries = new ArrayList<>();
        List<PendingPage> polls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            AgentCaller agent = app.registeredAgentCaller();
            queries.add(caughtUp(agent, 100)); // each at another marker: its own registration
        }
        queries.forEach(query -> polls.add(waiting(query)));
        reads.clear();

        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.REAL_TIME, newRequest()));
        signals.appended(app.project, Optional.empty());

        assertThat(reads).containsExactly("inFeedsAfter");
        for (int i = 0; i < queries.size(); i++) {
            AgentEventsPage answered = answer(polls.get(i)).join();
            assertThat(answered).isEqualTo(app.poll(queries.get(i)));
            assertThat(answered.directive().orElseThrow().mode()).isEqualTo(Mode.REAL_TIME);
        }
    }

    @Test
    void aSharedRead_givesEachAgentItsOwnEventsAndTheProjectsInOrder_andNoOneElses() {
        AgentCaller agent = app.registeredAgentCaller();
        AgentCaller other = app.registeredAgentCaller();
        ListAgentEventsQuery agentsQuery = caughtUp(agent, 100);
        ListAgentEventsQuery othersQuery = caughtUp(other, 100);
        PendingPage agentsPoll = waiting(agentsQuery);
        PendingPage othersPoll = waiting(othersQuery);

        // The agent's own startup's signal has not arrived when the project's does.
        List<StoredEvent> startup = app.eventLog.append(app.project,
                List.of(new NewEvent(new AgentStartedUp(agent.agent(), app.clock.instant()), newRequest())));
        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.ACTIVE, newRequest()));
        signals.appended(app.project, Optional.empty());

        AgentEventsPage agentsAnswer = answer(agentsPoll).join();
        assertThat(agentsAnswer.page().events().get(0)).isEqualTo(startup.get(0));
        assertThat(agentsAnswer).isEqualTo(app.poll(agentsQuery)).extracting(page -> page.page().events().size())
                .isEqualTo(2);
        assertThat(answer(othersPoll).join()).isEqualTo(app.poll(othersQuery))
                .extracting(page -> page.page().events().size()).isEqualTo(1);
    }

    @Test
    void aSharedReadThatCannotCoverAFeed_letsThatPollReadForItself() {
        AgentCaller agent = app.registeredAgentCaller();
        AgentId busy = app.register().agent().id();
        ListAgentEventsQuery query = caughtUp(agent, 100);
        PendingPage pending = waiting(query);
        List<NewEvent> startups = new ArrayList<>();
        for (int i = 0; i < ProjectWaiters.SHARED_READ_LIMIT; i++) {
            startups.add(new NewEvent(new AgentStartedUp(busy, app.clock.instant()), newRequest()));
        }
        app.eventLog.append(app.project, startups);
        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.ACTIVE, newRequest()));
        reads.clear();

        signals.appended(app.project, Optional.empty());

        assertThat(reads).containsExactly("inFeedsAfter", "newInFeed");
        AgentEventsPage answered = answer(pending).join();
        assertThat(answered).isEqualTo(app.poll(query));
        assertThat(answered.directive().orElseThrow().mode()).isEqualTo(Mode.ACTIVE);
    }

    @Test
    void aUser_orAFeedWithNews_isAnsweredAtOnce() {
        AgentCaller agent = app.registeredAgentCaller();
        EventPageRequest fromTheStart = new EventPageRequest(Optional.empty(), 100, SortDirection.ASC);

        PendingPage byUser = waiting(new ListAgentEventsQuery(app.observer, app.project, agent.agent(), fromTheStart,
                newRequest()));
        PendingPage withNews = waiting(new ListAgentEventsQuery(agent, app.project, agent.agent(), fromTheStart,
                newRequest()));
        PendingPage emptyByUser = waiting(new ListAgentEventsQuery(app.observer, app.project, agent.agent(),
                caughtUp(agent, 100).page(), newRequest()));

        assertThat(answer(byUser).join().directive()).isEmpty();
        assertThat(answer(withNews).join().page().events()).isNotEmpty();
        assertThat(answer(emptyByUser).join().page().events()).isEmpty();
        assertThat(await.waiting()).isZero();
    }

    @Test
    void answerNow_andTheDeadline_answerWithTheEmptyPageAndTheModeOfTheMoment() {
        AgentCaller agent = app.registeredAgentCaller();
        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.ACTIVE, newRequest()));
        ListAgentEventsQuery query = caughtUp(agent, 100);
        PendingPage stopping = waiting(query);
        PendingPage timed = await.await(new AwaitAgentEventsQuery(query, Duration.ofMillis(50)));

        app.clock.advanceBy(app.schedules.forMode(Mode.ACTIVE).activationLasts().orElseThrow().plusSeconds(1));
        stopping.answerNow();
        stopping.answerNow();

        AgentEventsPage answered = answer(stopping).join();
        assertThat(answered.page().events()).isEmpty();
        assertThat(answered.directive().orElseThrow().mode()).as("the activation ran out").isEqualTo(Mode.IDLE);
        assertThat(answer(timed).orTimeout(10, TimeUnit.SECONDS).join().page().events()).isEmpty();
        assertThat(await.waiting()).isZero();
        assertThat(deadlines.getQueue()).as("the answered poll's deadline went with it").isEmpty();
    }

    @Test
    void aCancelledPoll_isNeverAnswered_norReadForAgain() {
        AgentCaller agent = app.registeredAgentCaller();
        PendingPage pending = waiting(caughtUp(agent, 100));
        assertThat(await.waiting()).isEqualTo(1);

        pending.cancel();
        pending.cancel();
        reads.clear();
        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.ACTIVE, newRequest()));
        signals.appended(app.project, Optional.empty());
        signals.appended(app.project, Optional.of(agent.agent()));

        assertThat(answer(pending)).isCancelled();
        assertThat(reads).isEmpty();
        assertThat(await.waiting()).isZero();
        assertThat(deadlines.getQueue()).isEmpty();
    }

    @Test
    void signalsOfOtherAgentsOrProjects_leaveAPollAlone_lostSignals_makeEveryPollReadAgain() {
        AgentCaller agent = app.registeredAgentCaller();
        ListAgentEventsQuery query = caughtUp(agent, 100);
        PendingPage pending = waiting(query);
        reads.clear();

        signals.appended(app.project, Optional.of(app.register().agent().id()));
        signals.appended(TestSessions.newProject(), Optional.empty());
        assertThat(reads).isEmpty();

        app.eventLog.append(app.project,
                List.of(new NewEvent(new AgentStartedUp(agent.agent(), app.clock.instant()), newRequest())));
        signals.mayHaveMissedSome();

        assertThat(answer(pending).join()).isEqualTo(app.poll(query));
    }

    @Test
    void theLogsOwnSignals_wakeTheAgentsPolls_forItsEventsAndItsProjectsActivations() {
        AwaitAgentEventsService wired = new AwaitAgentEventsService(app.sessions, app.eventLog, app.presence,
                app.schedules, app.clock, app.storeCalls, app.signals, deadlines);
        AgentCaller agent = app.registeredAgentCaller();
        PendingPage byActivation = wired.await(new AwaitAgentEventsQuery(caughtUp(agent, 100), LONG));
        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.REAL_TIME, newRequest()));
        ListAgentEventsQuery caughtUpAgain = caughtUp(agent, 100);
        PendingPage byOwnEvent = wired.await(new AwaitAgentEventsQuery(caughtUpAgain, LONG));
        awaited(app.activateAgent.activate(new ActivateAgentCommand(app.admin, app.project, agent.agent(), Mode.ACTIVE,
                newRequest())));

        assertThat(answer(byActivation)).isCompleted();
        assertThat(answer(byOwnEvent).join()).isEqualTo(app.poll(caughtUpAgain));
    }

    /** The agent activated into real time a moment later, and what that appended to its feed after the poll's marker. */
    private List<StoredEvent> activatedAfter(ListAgentEventsQuery query) {
        app.clock.advanceBy(Duration.ofSeconds(5));
        awaited(app.activateAgent.activate(new ActivateAgentCommand(app.admin, app.project, query.agent(), Mode.REAL_TIME,
                newRequest())));
        return app.eventLog.newInFeed(app.project, query.agent(), query.page().after(), 100);
    }

    private static long markerOf(ListAgentEventsQuery query) {
        return query.page().after().orElseThrow().value();
    }

    @Test
    void aGrowthSinceThePollsMarker_answersItWithoutARead_asAFullReadWould() {
        AgentCaller agent = app.registeredAgentCaller();
        ListAgentEventsQuery query = caughtUp(agent, 100);
        PendingPage pending = waiting(query);
        List<StoredEvent> grown = activatedAfter(query);
        reads.clear();

        signals.grew(app.project, agent.agent(), new EventSignals.FeedGrowth(markerOf(query), grown));

        assertThat(reads).isEmpty();
        AgentEventsPage answered = answer(pending).join();
        assertThat(answered).isEqualTo(app.poll(query));
        assertThat(answered.directive().orElseThrow().mode()).isEqualTo(Mode.REAL_TIME);
        assertThat(await.waiting()).isZero();
    }

    @Test
    void aGrowthAfterEventsThePollHasNotSeen_isLeftToThePlainSignal_whoseReadAnswersWithThemAll() {
        AgentCaller agent = app.registeredAgentCaller();
        ListAgentEventsQuery query = caughtUp(agent, 100);
        PendingPage pending = waiting(query);
        app.eventLog.append(app.project,
                List.of(new NewEvent(new AgentStartedUp(agent.agent(), app.clock.instant()), newRequest())));
        List<StoredEvent> both = activatedAfter(query);
        StoredEvent unseen = both.get(0);
        reads.clear();

        signals.grew(app.project, agent.agent(), new EventSignals.FeedGrowth(unseen.id().value(), both.subList(1, 2)));
        assertThat(answer(pending)).isNotDone();
        signals.appended(app.project, Optional.of(agent.agent()));

        assertThat(reads).containsExactly("newInFeed");
        AgentEventsPage answered = answer(pending).join();
        assertThat(answered.page().events()).containsExactlyElementsOf(both);
        assertThat(answered).isEqualTo(app.poll(query));
    }

    @Test
    void aGrowthThePollHasSeen_orOfAnotherAgent_leavesItWaiting_withoutARead() {
        AgentCaller agent = app.registeredAgentCaller();
        ListAgentEventsQuery query = caughtUp(agent, 100);
        PendingPage pending = waiting(query);
        List<StoredEvent> seen = app.eventLog.newInFeed(app.project, agent.agent(), Optional.empty(), 100);
        reads.clear();

        signals.grew(app.project, agent.agent(), new EventSignals.FeedGrowth(0, seen));

        assertThat(reads).isEmpty();
        assertThat(answer(pending)).isNotDone();
        signals.grew(app.project, app.register().agent().id(), new EventSignals.FeedGrowth(0, List.of()));
        assertThat(answer(pending)).isNotDone();
        List<StoredEvent> grown = activatedAfter(query);
        signals.grew(app.project, agent.agent(), new EventSignals.FeedGrowth(markerOf(query), grown));
        assertThat(answer(pending).join()).isEqualTo(app.poll(query));
    }
}
