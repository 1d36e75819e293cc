package io.agentevents.adapter.postgres.row;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.out.EventSignals.FeedGrowth;
import io.agentevents.domain.session.AgentCameOnline;
import io.agentevents.domain.session.AgentWentOffline;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.AgentEvent;
import io.agentevents.domain.event.AgentShutDown;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.HeartbeatRecorded;
import io.agentevents.domain.event.StoredEvent;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.RequestId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What grew in a feed, as a notification carries it: read back as written, or not carried at all. */
class FeedGrowthTextTest {

    private final AgentId agent = TestSessions.newAgent();

    private static StoredEvent stored(long id, AgentEvent event, RequestId request) {
        return new StoredEvent(new EventId(id), event, request);
    }

    private static StoredEvent activation(long id, AgentActivated activated) {
        return stored(id, activated, activated.activation().requestId());
    }

    private static List<EventRow.Values> rows(List<StoredEvent> events) {
        return events.stream().map(event -> EventRow.Values.of(event.id().value(), event.event(), event.requestId())).toList();
    }

    @Test
    void activationsAndLifecycleEvents_areReadBackAsWritten() {
        List<StoredEvent> events = List.of(
                activation(41, new AgentActivated(TestSessions.projectActivation(Mode.ACTIVE, TestSessions.T0))),
                activation(42, new AgentActivated(TestSessions.agentActivation(agent, Mode.REAL_TIME, TestSessions.T0))),
                stored(43, new AgentShutDown(agent, TestSessions.T0.plusMillis(1)), TestSessions.newRequest()),
                stored(44, new AgentWentOffline(agent, TestSessions.T0.plusMillis(1)), TestSessions.newRequest()),
                stored(45, new AgentCameOnline(agent, TestSessions.T0.plusMillis(2)), TestSessions.newRequest()));

        String text = FeedGrowthText.eventsOf(rows(events)).orElseThrow();

        assertThat(FeedGrowthText.parse("40 " + text)).contains(new FeedGrowth(40, events));
    }

    @Test
    void eventsWithMoreColumns_timesTheDatabaseWouldRound_orTooManyEvents_areNotCarried() {
        StoredEvent heartbeat = stored(1, new HeartbeatRecorded(agent, true, TestSessions.T0), TestSessions.newRequest());
        StoredEvent rounded = stored(2, new AgentShutDown(agent, TestSessions.T0.plusNanos(500)), TestSessions.newRequest());
        List<StoredEvent> many = new ArrayList<>();
        for (int id = 1; id <= FeedGrowthText.MAX_EVENTS + 1; id++) {
            many.add(stored(id, new AgentShutDown(agent, TestSessions.T0), TestSessions.newRequest()));
        }

        assertThat(FeedGrowthText.eventsOf(rows(List.of(heartbeat)))).isEmpty();
        assertThat(FeedGrowthText.eventsOf(rows(List.of(rounded)))).isEmpty();
        assertThat(FeedGrowthText.eventsOf(rows(many))).isEmpty();
        assertThat(FeedGrowthText.eventsOf(rows(many.subList(0, FeedGrowthText.MAX_EVENTS)))).isPresent();
        assertThat(FeedGrowthText.eventsOf(List.of())).isEmpty();
    }

    @Test
    void textThatIsNotAGrowth_isNoGrowth() {
        String oneEvent = FeedGrowthText.eventsOf(rows(List.of(
                stored(7, new AgentShutDown(agent, TestSessions.T0), TestSessions.newRequest())))).orElseThrow();

        assertThat(FeedGrowthText.parse("6 " + oneEvent)).isPresent();
        assertThat(FeedGrowthText.parse(oneEvent)).as("no last id before").isEmpty();
        assertThat(FeedGrowthText.parse("six " + oneEvent)).isEmpty();
        assertThat(FeedGrowthText.parse("6 " + oneEvent.replace("agent_shutdown", "agent_heartbeat"))).isEmpty();
        assertThat(FeedGrowthText.parse("6 " + oneEvent.replace("agent_shutdown", "agent_activate"))).as("no mode").isEmpty();
        assertThat(FeedGrowthText.parse("6 " + oneEvent + " 8")).isEmpty();
        assertThat(FeedGrowthText.parse("")).isEmpty();
    }
}
