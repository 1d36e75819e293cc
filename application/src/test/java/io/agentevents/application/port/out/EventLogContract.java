package io.agentevents.application.port.out;

import static io.agentevents.domain.TestSessions.T0;
import static io.agentevents.domain.TestSessions.newAgent;
import static io.agentevents.domain.TestSessions.newProject;
import static io.agentevents.domain.TestSessions.newRequest;
import static io.agentevents.domain.TestSessions.agentActivation;
import static io.agentevents.domain.TestSessions.projectActivation;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.MutableClock;
import io.agentevents.domain.TestAgents;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.AgentEvent;
import io.agentevents.domain.event.AgentRequestEvent;
import io.agentevents.domain.request.AgentRequested;
import io.agentevents.domain.request.Base64Text;
import io.agentevents.domain.request.EncryptedPassword;
import io.agentevents.domain.request.EncryptionAction;
import io.agentevents.domain.request.LogfileProgressed;
import io.agentevents.domain.request.LogfileState;
import io.agentevents.domain.request.RequestAnswer;
import io.agentevents.domain.request.RequestAnswered;
import io.agentevents.domain.request.RequestedWork;
import io.agentevents.domain.request.TestRequests;
import io.agentevents.domain.event.AgentDeleted;
import io.agentevents.domain.event.AgentShutDown;
import io.agentevents.domain.event.AgentStartedUp;
import io.agentevents.domain.event.AgentRegistered;
import io.agentevents.domain.event.ConfigurationChanged;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.HeartbeatRecorded;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import io.agentevents.domain.session.AgentCameOnline;
import io.agentevents.domain.session.AgentWentOffline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every promise of {@link EventLog}. Each store's test extends this; each test works in
 * projects of its own.
 */
public abstract class EventLogContract {

    protected static final int WRITERS = 8;
    protected static final int EVENTS_PER_WRITER = 2_000;
    protected static final int READERS = 2;

    /** The clock the log under test reads for a project's first id. */
    protected final MutableClock clock = new MutableClock(T0);
    private EventLog log;
    private ProjectId project;

    /** A log to test, reading {@code clock} for a project's first id; it may hold other tests' projects. */
    protected abstract EventLog eventLog(Clock clock);

    @BeforeEach
    void setUpLog() {
        log = eventLog(clock);
        project = newProject();
    }

    private static NewEvent heartbeat(AgentId agent, Instant at) {
        return new NewEvent(new HeartbeatRecorded(agent, false, at), newRequest());
    }

    /** Appends {@code count} heartbeats of one agent, one second apart from T0, one per call. */
    private List<StoredEvent> appendHeartbeats(int count) {
        AgentId agent = newAgent();
        List<StoredEvent> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stored.addAll(log.append(project, List.of(heartbeat(agent, T0.plusSeconds(i)))));
        }
        return stored;
    }

    /** Activations and the events of requests go under their own request id (NewEvent insists); others under a fresh one. */
    private static NewEvent underItsRequest(AgentEvent event) {
        if (event instanceof AgentRequestEvent ofRequest) {
            return NewEvent.of(ofRequest);
        }
        return event instanceof AgentActivated activated ? NewEvent.of(activated.activation()) : new NewEvent(event, newRequest());
    }

    private static List<Long> ids(List<StoredEvent> events) {
        return events.stream().map(event -> event.id().value()).toList();
    }

    private static EventPageRequest request(Long marker, int limit, SortDirection direction) {
        return new EventPageRequest(Optional.ofNullable(marker).map(EventId::new), limit, direction);
    }

    @Test
    void append_givesIncreasingIdsAndKeepsTheEvents() {
        AgentId agent = newAgent();
        NewEvent first = heartbeat(agent, T0);
        NewEvent second = heartbeat(agent, T0.plusSeconds(1));

        List<StoredEvent> stored = log.append(project, List.of(first, second));

        assertThat(stored).hasSize(2);
        assertThat(stored.get(1).id()).isGreaterThan(stored.get(0).id());
        assertThat(stored.get(0).event()).isEqualTo(first.event());
        assertThat(stored.get(0).requestId()).isEqualTo(first.requestId());
        assertThat(log.page(project, request(null, 10, SortDirection.ASC)).events()).isEqualTo(stored);
    }

    @Test
    void size_countsStoredEvents_andPurgedOnesNoLonger() {
        long before = log.size();

        appendHeartbeats(3);

        assertThat(log.size()).isEqualTo(before + 3);
        log.purgeBefore(T0.plusSeconds(1));
        assertThat(log.size()).isLessThanOrEqualTo(before + 2);
    }

    @Test
    void append_ofNothing_storesNothing() {
        assertThat(log.append(project, List.of())).isEmpty();
        assertThat(log.page(project, request(null, 10, SortDirection.ASC)).events()).isEmpty();
    }

    @Test
    void append_keepsEveryKindOfEventIntact() {
        AgentId agent = newAgent();
        List<AgentEvent> kinds = List.of(
                new AgentActivated(projectActivation(Mode.REAL_TIME, T0)),
                new AgentActivated(agentActivation(agent, Mode.IDLE, T0)),
                new AgentRegistered(agent, "web-1", TestAgents.UBUNTU, T0),
                new ConfigurationChanged(agent, T0),
                new HeartbeatRecorded(agent, true, T0),
                new AgentStartedUp(agent, T0),
                new AgentShutDown(agent, T0),
                new AgentDeleted(agent, T0),
                new AgentCameOnline(agent, T0),
                new AgentWentOffline(agent, T0));

        log.append(project, kinds.stream().map(EventLogContract::underItsRequest).toList());

        assertThat(log.page(project, request(null, 10, SortDirection.ASC)).events())
                .extracting(StoredEvent::event).containsExactlyElementsOf(kinds);
    }

    @Test
    void append_keepsTheEventsOfRequestsAndAnswersIntact_theirTextAsGiven() {
        AgentId agent = newAgent();
        Base64Text encoded = Base64Text.of("L2hvbWUvY2Fm6Q==", "path_encoded");
        List<AgentEvent> kinds = List.of(
                new AgentRequested(agent, newRequest(), new RequestedWork.BrowseHost("/a \"quoted\" \\ {b,c} \u2603 NULL",
                        Optional.of(encoded)), T0),
                new AgentRequested(agent, newRequest(), TestRequests.browse("/"), T0),
                new AgentRequested(agent, newRequest(), new RequestedWork.VerifyVaultPassword(
                        new EncryptedPassword(TestRequests.EXAMPLE_PASSWORD_HEX), newAgent()), T0),
                new AgentRequested(agent, newRequest(), TestRequests.enable(), T0),
                new AgentRequested(agent, newRequest(), TestRequests.change(), T0),
                new AgentRequested(agent, newRequest(), new RequestedWork.UploadLogfile(T0.plusNanos(123_000)), T0),
                new RequestAnswered(agent, newRequest(), new RequestAnswer.BrowseListing(false, "/x", Optional.of(encoded),
                        List.of()), T0),
                new RequestAnswered(agent, newRequest(), TestRequests.listing("/y"), T0),
                new RequestAnswered(agent, newRequest(), new RequestAnswer.PasswordVerification(true), T0),
                new RequestAnswered(agent, newRequest(), new RequestAnswer.EncryptionReport(EncryptionAction.ENABLED, true), T0),
                new RequestAnswered(agent, newRequest(), new RequestAnswer.EncryptionReport(EncryptionAction.CHANGED, false), T0),
                new LogfileProgressed(agent, newRequest(), LogfileState.STARTED, T0),
                new LogfileProgressed(agent, newRequest(), LogfileState.COMPLETED, T0));

        log.append(project, kinds.stream().map(EventLogContract::underItsRequest).toList());

        List<StoredEvent> read = log.feed(project, agent, request(null, 20, SortDirection.ASC)).events();
        assertThat(read).extracting(StoredEvent::event).containsExactlyElementsOf(kinds);
        assertThat(read).allSatisfy(stored -> assertThat(stored.requestId())
                .isEqualTo(((AgentRequestEvent) stored.event()).request()));
    }

    @Test
    void page_ofUnknownProject_isEmptyWithoutLinks() {
        EventPage page = log.page(newProject(), request(null, 10, SortDirection.DESC));

        assertThat(page.events()).isEmpty();
        assertThat(page.next()).isEmpty();
        assertThat(page.previous()).isEmpty();
    }

    @Test
    void page_withoutMarkerDescending_givesTheNewestNewestFirst() {
        List<Long> all = ids(appendHeartbeats(5));

        EventPage page = log.page(project, request(null, 2, SortDirection.DESC));

        assertThat(ids(page.events())).containsExactly(all.get(4), all.get(3));
        assertThat(page.next()).contains(new EventId(all.get(4)));
    }

    @Test
    void page_withoutMarkerAscending_givesTheOldestOldestFirst() {
        List<Long> all = ids(appendHeartbeats(5));

        EventPage page = log.page(project, request(null, 2, SortDirection.ASC));

        assertThat(ids(page.events())).containsExactly(all.get(0), all.get(1));
        assertThat(page.next()).contains(new EventId(all.get(1)));
        assertThat(page.previous()).isEmpty();
    }

    @Test
    void page_withMarker_givesTheClosestEventsAfterIt() {
        List<Long> all = ids(appendHeartbeats(6));

        EventPage ascending = log.page(project, request(all.get(1), 2, SortDirection.ASC));
        EventPage descending = log.page(project, request(all.get(1), 2, SortDirection.DESC));

        assertThat(ids(ascending.events())).containsExactly(all.get(2), all.get(3));
        assertThat(ids(descending.events())).containsExactly(all.get(3), all.get(2));
        assertThat(descending.next()).contains(new EventId(all.get(3)));
    }

    @Test
    void page_atTheEnd_isEmptyAndKeepsTheMarkerAsNext() {
        List<Long> all = ids(appendHeartbeats(3));

        EventPage page = log.page(project, request(all.get(2), 10, SortDirection.ASC));

        assertThat(page.events()).isEmpty();
        assertThat(page.next()).contains(new EventId(all.get(2)));
    }

    @Test
    void page_withMarkerBeyondTheLog_isEmptyNotAnError() {
        appendHeartbeats(2);

        assertThat(log.page(project, request(Long.MAX_VALUE, 10, SortDirection.ASC)).events()).isEmpty();
    }

    @Test
    void previous_withAFullPageBefore_pointsAtThatPage() {
        List<Long> all = ids(appendHeartbeats(7));

        EventPage page = log.page(project, request(all.get(4), 2, SortDirection.ASC));
        EventPageRequest previous = page.previous().orElseThrow();

        assertThat(ids(page.events())).containsExactly(all.get(5), all.get(6));
        assertThat(ids(log.page(project, previous).events())).containsExactly(all.get(3), all.get(4));
    }

    @Test
    void previous_withLessThanAPageBefore_readsFromTheOldest() {
        List<Long> all = ids(appendHeartbeats(4));

        EventPage page = log.page(project, request(all.get(0), 2, SortDirection.ASC));
        EventPageRequest previous = page.previous().orElseThrow();

        assertThat(previous.after()).isEmpty();
        assertThat(ids(log.page(project, previous).events())).startsWith(all.get(0));
    }

    private static NewEvent startup(AgentId agent) {
        return new NewEvent(new AgentStartedUp(agent, T0), newRequest());
    }

    @Test
    void feed_holdsTheAgentsEventsButHeartbeats_andProjectActivations() {
        AgentId agent = newAgent();
        AgentId other = newAgent();
        NewEvent own = startup(agent);
        NewEvent others = startup(other);
        NewEvent projectWide = NewEvent.of(projectActivation(Mode.ACTIVE, T0));
        NewEvent otherAgentsActivation = NewEvent.of(agentActivation(other, Mode.ACTIVE, T0));
        NewEvent ownActivation = NewEvent.of(agentActivation(agent, Mode.REAL_TIME, T0));
        NewEvent ownHeartbeat = heartbeat(agent, T0);
        List<StoredEvent> stored = log.append(project,
                List.of(own, others, projectWide, otherAgentsActivation, ownActivation, ownHeartbeat));

        EventPage feed = log.feed(project, agent, request(null, 10, SortDirection.ASC));

        assertThat(feed.events()).containsExactly(stored.get(0), stored.get(2), stored.get(4));
    }

    @Test
    void feedWithHeartbeats_holdsTheAgentsEventsAndHeartbeats_andProjectActivations() {
        AgentId agent = newAgent();
        AgentId other = newAgent();
        List<StoredEvent> stored = log.append(project, List.of(startup(agent), heartbeat(other, T0),
                NewEvent.of(projectActivation(Mode.ACTIVE, T0)), heartbeat(agent, T0), startup(other),
                NewEvent.of(agentActivation(agent, Mode.REAL_TIME, T0)), heartbeat(agent, T0.plusSeconds(1))));

        EventPage ascending = log.feedWithHeartbeats(project, agent, request(null, 10, SortDirection.ASC));
        EventPage newestTwo = log.feedWithHeartbeats(project, agent, request(null, 2, SortDirection.DESC));
        EventPage afterTheFirst = log.feedWithHeartbeats(project, agent, request(stored.get(0).id().value(), 2, SortDirection.ASC));

        assertThat(ascending.events()).containsExactly(stored.get(0), stored.get(2), stored.get(3), stored.get(5), stored.get(6));
        assertThat(newestTwo.events()).containsExactly(stored.get(6), stored.get(5));
        assertThat(afterTheFirst.events()).containsExactly(stored.get(2), stored.get(3));
        assertThat(afterTheFirst.previous()).contains(request(null, 2, SortDirection.ASC));
        assertThat(log.feed(project, agent, request(null, 10, SortDirection.ASC)).events())
                .containsExactly(stored.get(0), stored.get(2), stored.get(5));
    }

    @Test
    void feedWithHeartbeats_afterAPurge_holdsOnlyWhatIsKept() {
        AgentId agent = newAgent();
        List<StoredEvent> stored = log.append(project, List.of(heartbeat(agent, T0), heartbeat(agent, T0.plusSeconds(1)),
                heartbeat(agent, T0.plusSeconds(2))));

        log.purgeBefore(T0.plusSeconds(1));

        assertThat(log.feedWithHeartbeats(project, agent, request(null, 10, SortDirection.ASC)).events())
                .containsExactly(stored.get(1), stored.get(2));
    }

    @Test
    void append_firstEventOfAProject_takesTheMicrosecondsOfItsTime_tenDigitsAtLeast() {
        clock.advanceBy(Duration.ofMillis(1_234).plusNanos(5_678));
        long expected = EventLog.firstIdAt(clock.instant());

        List<StoredEvent> stored = log.append(project, List.of(startup(newAgent()), startup(newAgent())));

        assertThat(expected).isEqualTo(T0.getEpochSecond() * 1_000_000 + 1_234_005);
        assertThat(ids(stored)).containsExactly(expected, expected + 1);
        assertThat(Long.toString(stored.get(0).id().value())).hasSizeGreaterThanOrEqualTo(10);
        assertThat(EventLog.firstIdAt(java.time.Instant.EPOCH)).isEqualTo(EventLog.MIN_FIRST_ID);
    }

    @Test
    void aLogStartedLater_neverGivesAnIdAnEarlierLogGave() {
        List<StoredEvent> earlier = log.append(project, List.of(startup(newAgent()), startup(newAgent()), startup(newAgent())));
        clock.advanceBy(Duration.ofSeconds(1));

        List<StoredEvent> later = eventLog(clock).append(project, List.of(startup(newAgent())));

        assertThat(later.get(0).id()).isGreaterThan(earlier.get(2).id());
    }

    @Test
    void newInFeed_isTheFeedsEventsAfterTheMarker_forEveryMarkerAndLimit() {
        AgentId agent = newAgent();
        AgentId other = newAgent();
        List<StoredEvent> stored = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stored.addAll(log.append(project, List.of(startup(agent), startup(other), heartbeat(agent, T0),
                    NewEvent.of(projectActivation(Mode.ACTIVE, T0.plusSeconds(i))),
                    NewEvent.of(agentActivation(other, Mode.ACTIVE, T0)))));
        }

        assertThat(log.newInFeed(project, agent, Optional.empty(), 100))
                .isEqualTo(log.feed(project, agent, request(null, 100, SortDirection.ASC)).events()).hasSize(8);
        for (StoredEvent marker : stored) {
            for (int limit : new int[] {1, 3, 100}) {
                assertThat(log.newInFeed(project, agent, Optional.of(marker.id()), limit))
                        .as("after %s, limit %d", marker.id(), limit)
                        .isEqualTo(log.feed(project, agent, request(marker.id().value(), limit, SortDirection.ASC)).events());
            }
        }
        assertThat(log.newInFeed(newProject(), agent, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void inFeedsAfter_isEveryFeedsEventsAfterTheMarker_withoutHeartbeats_forEveryMarkerAndLimit() {
        AgentId agent = newAgent();
        AgentId other = newAgent();
        List<StoredEvent> stored = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            stored.addAll(log.append(project, List.of(startup(agent), heartbeat(agent, T0), heartbeat(other, T0),
                    NewEvent.of(projectActivation(Mode.ACTIVE, T0.plusSeconds(i))),
                    NewEvent.of(agentActivation(other, Mode.ACTIVE, T0)))));
        }
        List<StoredEvent> inFeeds = stored.stream().filter(event -> EventLog.inAgentFeeds(event.event())).toList();

        for (StoredEvent marker : stored) {
            List<StoredEvent> after = inFeeds.stream().filter(event -> event.id().value() > marker.id().value()).toList();
            for (int limit : new int[] {1, 4, 100}) {
                assertThat(log.inFeedsAfter(project, Optional.of(marker.id()), limit))
                        .as("after %s, limit %d", marker.id(), limit)
                        .isEqualTo(after.subList(0, Math.min(limit, after.size())));
            }
        }
        assertThat(log.inFeedsAfter(project, Optional.empty(), 100)).isEqualTo(inFeeds).hasSize(9);
        assertThat(log.inFeedsAfter(newProject(), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void feed_appliesTheLimitToTheFeedNotToTheLog() {
        AgentId agent = newAgent();
        AgentId other = newAgent();
        List<StoredEvent> own = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            log.append(project, List.of(startup(other)));
            own.addAll(log.append(project, List.of(startup(agent))));
        }

        EventPage first = log.feed(project, agent, request(null, 2, SortDirection.ASC));
        EventPage second = log.feed(project, agent, new EventPageRequest(first.next(), 2, SortDirection.ASC));

        assertThat(first.events()).containsExactlyElementsOf(own.subList(0, 2));
        assertThat(second.events()).containsExactlyElementsOf(own.subList(2, 4));
    }

    @Test
    void feed_afterAPurge_holdsOnlyWhatIsKept_andPagesBothWays() {
        AgentId agent = newAgent();
        log.append(project, List.of(NewEvent.of(projectActivation(Mode.ACTIVE, T0.minusSeconds(60))),
                new NewEvent(new AgentStartedUp(agent, T0.minusSeconds(60)), newRequest())));
        List<StoredEvent> kept = log.append(project, List.of(
                new NewEvent(new AgentStartedUp(agent, T0), newRequest()),
                NewEvent.of(projectActivation(Mode.REAL_TIME, T0)),
                new NewEvent(new AgentStartedUp(newAgent(), T0), newRequest()),
                new NewEvent(new AgentShutDown(agent, T0), newRequest())));
        log.purgeBefore(T0.minusSeconds(1));

        EventPage ascending = log.feed(project, agent, request(null, 10, SortDirection.ASC));
        EventPage newest = log.feed(project, agent, request(null, 2, SortDirection.DESC));

        assertThat(ascending.events()).containsExactly(kept.get(0), kept.get(1), kept.get(3));
        assertThat(newest.events()).containsExactly(kept.get(3), kept.get(1));
        assertThat(ids(log.feed(project, agent, newest.previous().orElseThrow()).events())).contains(kept.get(0).id().value());
    }

    /**
     * The previous link of a feed page, which merges the agent's own events with the project's
     * activations, against one worked out from the whole feed: for every marker, limit and order.
     */
    @Test
    void feed_previous_pointsAtTheFeedPageBeforeIt_forEveryMarkerLimitAndOrder() {
        AgentId agent = newAgent();
        AgentId other = newAgent();
        for (int i = 0; i < 5; i++) {
            log.append(project, List.of(startup(agent), NewEvent.of(projectActivation(Mode.ACTIVE, T0.plusSeconds(i))),
                    startup(other), NewEvent.of(projectActivation(Mode.IDLE, T0.plusSeconds(i))), startup(agent),
                    startup(agent)));
        }
        List<StoredEvent> feed = log.feed(project, agent, request(null, 1000, SortDirection.ASC)).events();
        assertThat(feed).hasSize(25);

        for (SortDirection direction : SortDirection.values()) {
            for (int limit : new int[] {1, 2, 3, 7, 24, 25, 100}) {
                EventPage newest = log.feed(project, agent, request(null, limit, direction));
                int pageStart = direction == SortDirection.ASC ? 0 : Math.max(0, feed.size() - limit);
                assertThat(newest.previous()).as("%s without marker, limit %d", direction, limit)
                        .isEqualTo(previousOf(feed.subList(0, pageStart), limit, direction));
                for (int before = 0; before < feed.size(); before++) {
                    long marker = feed.get(before).id().value();
                    assertThat(log.feed(project, agent, request(marker, limit, direction)).previous())
                            .as("%s after %d, limit %d", direction, marker, limit)
                            .isEqualTo(previousOf(feed.subList(0, before + 1), limit, direction));
                }
            }
        }
    }

    /** The previous link EventPage documents, given the events before a page, oldest first. */
    private static Optional<EventPageRequest> previousOf(List<StoredEvent> preceding, int limit, SortDirection direction) {
        if (preceding.isEmpty()) {
            return Optional.empty();
        }
        if (preceding.size() > limit) {
            EventId marker = preceding.get(preceding.size() - 1 - limit).id();
            return Optional.of(new EventPageRequest(Optional.of(marker), limit, direction));
        }
        return Optional.of(new EventPageRequest(Optional.empty(), limit, SortDirection.ASC));
    }

    @Test
    void projects_haveSeparateLogs() {
        ProjectId other = newProject();
        log.append(other, List.of(heartbeat(newAgent(), T0)));

        assertThat(log.page(project, request(null, 10, SortDirection.ASC)).events()).isEmpty();
    }

    @Test
    void purgeBefore_dropsOnlyOlderEventsAndIdsKeepGrowing() {
        List<StoredEvent> stored = appendHeartbeats(3);

        long purged = log.purgeBefore(T0.plusSeconds(2));

        assertThat(purged).isGreaterThanOrEqualTo(2);
        assertThat(log.page(project, request(null, 10, SortDirection.ASC)).events()).containsExactly(stored.get(2));
        StoredEvent later = log.append(project, List.of(heartbeat(newAgent(), T0.plusSeconds(3)))).get(0);
        assertThat(later.id()).isGreaterThan(stored.get(2).id());
    }

    @Test
    void page_withPurgedMarker_givesTheOldestKeptEvents() {
        List<StoredEvent> stored = appendHeartbeats(3);
        log.purgeBefore(T0.plusSeconds(1));

        EventPage page = log.page(project, request(stored.get(0).id().value(), 10, SortDirection.ASC));

        assertThat(page.events()).containsExactly(stored.get(1), stored.get(2));
    }

    /**
     * The marker guarantee: writers append concurrently while readers page with the largest id
     * they have seen; each reader sees every event exactly once, in id order.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void readersPagingWithTheLargestIdSeen_seeEveryEventOnceInOrder_whileWritersAppend() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> writers = IntStream.range(0, WRITERS).<Future<?>>mapToObj(writer -> pool.submit(() -> {
                AgentId agent = newAgent();
                start.await();
                for (int i = 0; i < EVENTS_PER_WRITER; i++) {
                    log.append(project, List.of(heartbeat(agent, T0.plus(Duration.ofMillis(i)))));
                }
                return null;
            })).toList();
            List<Future<List<Long>>> readers = IntStream.range(0, READERS).mapToObj(reader -> pool.submit(() -> {
                List<Long> seen = new ArrayList<>();
                Optional<EventId> marker = Optional.empty();
                start.await();
                while (true) {
                    // Read the flag first: an empty page after all writers finished means nothing is left.
                    boolean writersDone = !writing.get();
                    EventPage page = log.page(project, new EventPageRequest(marker, 100, SortDirection.ASC));
                    seen.addAll(ids(page.events()));
                    marker = page.next();
                    if (writersDone && page.events().isEmpty()) {
                        return seen;
                    }
                }
            })).toList();
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);

            List<Long> committed = ids(log.page(project, request(null, 1000, SortDirection.ASC)).events());
            int total = WRITERS * EVENTS_PER_WRITER;
            List<Long> all = new ArrayList<>();
            Optional<EventId> marker = Optional.empty();
            do {
                EventPage page = log.page(project, new EventPageRequest(marker, 1000, SortDirection.ASC));
                all.addAll(ids(page.events()));
                marker = page.events().isEmpty() ? Optional.empty() : page.next();
            } while (marker.isPresent());
            assertThat(all).hasSize(total).doesNotHaveDuplicates().isSorted();
            assertThat(committed).isEqualTo(all.subList(0, 1000));
            assertThat(all.get(all.size() - 1) - all.get(0)).as("ids are consecutive").isEqualTo(total - 1);
            for (Future<List<Long>> reader : readers) {
                List<Long> seen = reader.get();
                List<Long> missed = new ArrayList<>(all);
                missed.removeAll(new HashSet<>(seen));
                assertThat(missed).as("events a reader following markers never saw (%d of %d)", missed.size(), total)
                        .isEmpty();
                assertThat(seen).as("what one reader saw").doesNotHaveDuplicates().isSorted().isEqualTo(all);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The marker guarantee for both views of one agent's feed: writers append the agent's
     * heartbeats, its startups and project activations at once, while readers follow the feed
     * (no heartbeats) and the feed with heartbeats by the largest id they have seen; each sees
     * every event of its view exactly once, in id order.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void readersOfBothFeedViews_seeEveryEventOfTheirViewOnceInOrder_whileWritersAppend() throws Exception {
        AgentId agent = newAgent();
        int perWriter = EVENTS_PER_WRITER / 4;
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> writers = IntStream.range(0, WRITERS).<Future<?>>mapToObj(writer -> pool.submit(() -> {
                start.await();
                for (int i = 0; i < perWriter; i++) {
                    Instant at = T0.plus(Duration.ofMillis(i));
                    NewEvent event = switch ((writer + i) % 3) {
                        case 0 -> heartbeat(agent, at);
                        case 1 -> new NewEvent(new AgentStartedUp(agent, at), newRequest());
                        default -> NewEvent.of(projectActivation(Mode.ACTIVE, at));
                    };
                    log.append(project, List.of(event));
                }
                return null;
            })).toList();
            Future<List<StoredEvent>> feedReader = pool.submit(() -> follow(writing, start,
                    marker -> log.feed(project, agent, new EventPageRequest(marker, 100, SortDirection.ASC))));
            Future<List<StoredEvent>> heartbeatReader = pool.submit(() -> follow(writing, start,
                    marker -> log.feedWithHeartbeats(project, agent, new EventPageRequest(marker, 100, SortDirection.ASC))));
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);

            List<StoredEvent> everything = new ArrayList<>();
            Optional<EventId> marker = Optional.empty();
            do {
                EventPage page = log.page(project, new EventPageRequest(marker, 1000, SortDirection.ASC));
                everything.addAll(page.events());
                marker = page.events().isEmpty() ? Optional.empty() : page.next();
            } while (marker.isPresent());
            assertThat(everything).hasSize(WRITERS * perWriter);
            List<Long> withoutHeartbeats = ids(everything.stream()
                    .filter(event -> !(event.event() instanceof HeartbeatRecorded)).toList());
            assertThat(ids(heartbeatReader.get())).as("the feed with heartbeats, followed by markers")
                    .isEqualTo(ids(everything));
            assertThat(ids(feedReader.get())).as("the feed, followed by markers").isEqualTo(withoutHeartbeats);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Pages from the start by the largest id seen until the writers are done and nothing is left. */
    private static List<StoredEvent> follow(AtomicBoolean writing, CountDownLatch start,
                                            java.util.function.Function<Optional<EventId>, EventPage> pager)
            throws InterruptedException {
        List<StoredEvent> seen = new ArrayList<>();
        Optional<EventId> marker = Optional.empty();
        start.await();
        while (true) {
            boolean writersDone = !writing.get();
            EventPage page = pager.apply(marker);
            seen.addAll(page.events());
            marker = page.next();
            if (writersDone && page.events().isEmpty()) {
                return seen;
            }
        }
    }
}
