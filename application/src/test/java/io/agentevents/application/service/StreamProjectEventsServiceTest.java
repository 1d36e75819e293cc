package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static io.agentevents.domain.TestSessions.newRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.activation.ActivateAgentsCommand;
import io.agentevents.application.port.in.feed.StreamProjectEventsQuery;
import io.agentevents.application.port.in.feed.StreamProjectEventsUseCase;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.feed.StreamProjectEventsService;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A project's log as it grows: every event after the marker once, in order, one read per wake-up for all streams. */
class StreamProjectEventsServiceTest {

    private final InMemoryApplication app = new InMemoryApplication();
    /** Reads of the log the streams made. */
    private final AtomicInteger reads = new AtomicInteger();
    private final StreamProjectEventsService streams = new StreamProjectEventsService(app.eventLog, new StoreCalls() {
        @Override
        public <T> java.util.concurrent.CompletionStage<T> supply(Supplier<T> call) {
            reads.incrementAndGet();
            return StoreCalls.inline().supply(call);
        }
    }, app.signals);

    /** What one reader was given, in order. */
    private static final class Collected implements StreamProjectEventsUseCase.Reader {

        final List<StoredEvent> events = new CopyOnWriteArrayList<>();
        final List<RuntimeException> ends = new CopyOnWriteArrayList<>();

        @Override
        public void events(List<StoredEvent> given) {
            events.addAll(given);
        }

        @Override
        public void ended(RuntimeException cause) {
            ends.add(cause);
        }

        List<Long> ids() {
            return events.stream().map(event -> event.id().value()).toList();
        }
    }

    private void activate(Mode mode) {
        app.activated(new ActivateAgentsCommand(app.admin, app.project, mode, newRequest()));
    }

    private Runnable open(Optional<EventId> after, Collected reader) {
        return awaited(streams.open(new StreamProjectEventsQuery(app.observer, app.project, after), reader));
    }

    private List<Long> logIds() {
        return app.eventLog.page(app.project, new EventPageRequest(Optional.empty(), 1000, SortDirection.ASC)).events()
                .stream().map(event -> event.id().value()).toList();
    }

    @Test
    void withoutAMarker_onlyWhatIsStoredFromNowOn_arrives_inOrder() {
        activate(Mode.ACTIVE);
        Collected reader = new Collected();

        open(Optional.empty(), reader);
        activate(Mode.REAL_TIME);
        app.register();

        assertThat(reader.ids()).containsExactlyElementsOf(logIds().subList(1, logIds().size()));
        assertThat(reader.events).extracting(event -> event.event().type().name())
                .containsExactly("AGENT_ACTIVATE", "AGENT_REGISTERED");
    }

    @Test
    void aMarker_resumesRightAfterIt_withNothingMissedOrRepeated_acrossAReconnect() {
        for (int i = 0; i < 5; i++) {
            activate(Mode.ACTIVE);
        }
        Collected first = new Collected();
        Runnable close = open(Optional.of(new EventId(logIds().get(1))), first);
        activate(Mode.IDLE);
        close.run();
        activate(Mode.REAL_TIME); // while no stream is open
        Collected second = new Collected();
        open(Optional.of(new EventId(first.ids().get(first.ids().size() - 1))), second);
        activate(Mode.ACTIVE);

        List<Long> both = new ArrayList<>(first.ids());
        both.addAll(second.ids());
        assertThat(both).containsExactlyElementsOf(logIds().subList(2, logIds().size()));
    }

    @Test
    void aLongGap_isReadPageByPage_andStillArrivesWhole() {
        EventId before = new EventId(EventLog.firstIdAt(app.clock.instant()) - 1);
        for (int i = 0; i < 2_500; i++) {
            activate(Mode.ACTIVE);
        }
        Collected reader = new Collected();

        open(Optional.of(before), reader);

        assertThat(reader.events).hasSize(2_500);
        assertThat(reader.ids()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void everyStreamOfTheProject_isServedByOneReadPerWakeUp() {
        List<Collected> readers = List.of(new Collected(), new Collected(), new Collected());
        readers.forEach(reader -> open(Optional.empty(), reader));
        int afterOpening = reads.get();

        activate(Mode.ACTIVE);
        activate(Mode.REAL_TIME);

        assertThat(reads.get() - afterOpening).as("one read per append, whatever the number of streams").isEqualTo(2);
        readers.forEach(reader -> assertThat(reader.events).hasSize(2));
    }

    @Test
    void aClosedStream_getsNothingMore_andTheOthersGoOn() {
        Collected leaving = new Collected();
        Collected staying = new Collected();
        Runnable close = open(Optional.empty(), leaving);
        open(Optional.empty(), staying);

        activate(Mode.ACTIVE);
        close.run();
        activate(Mode.IDLE);

        assertThat(leaving.events).hasSize(1);
        assertThat(staying.events).hasSize(2);
        assertThat(streams.streaming()).isEqualTo(1);
    }

    @Test
    void aUserOfAnotherProject_isDenied() {
        assertThatThrownBy(() -> awaited(streams.open(new StreamProjectEventsQuery(app.otherAdmin, app.project,
                Optional.empty()), new Collected()))).isInstanceOf(AccessDeniedException.class);
        assertThat(streams.streaming()).isZero();
    }
}
