package io.agentevents.bench;

import io.agentevents.application.memory.log.InMemoryEventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.activation.WholeProject;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.HeartbeatRecorded;
import io.agentevents.domain.event.StoredEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory event log: an append (what every activation costs) and the read of an agent's
 * feed after a marker, in a project of 1,000 agents with 100,000 events already logged (one in a
 * hundred a project activation, the rest heartbeats): the empty page most polls get, and a page
 * of 10 new activations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class EventLogBenchmarks {

    private static final int AGENTS = 1_000;
    private static final int EVENTS = 100_000;
    private static final int APPENDS = 1_000;

    private final ProjectId project = new ProjectId("bench");
    private final Instant at = Instant.parse("2026-11-27T10:00:00Z");
    private final List<AgentId> agents = new ArrayList<>();
    private InMemoryEventLog log;
    private NewEvent activation;
    private AgentId reader;
    private EventPageRequest afterLatest;
    private EventPageRequest tenNew;

    @Setup(Level.Trial)
    public void fill() {
        log = new InMemoryEventLog(Clock.systemUTC());
        for (int i = 0; i < AGENTS; i++) {
            agents.add(new AgentId(UUID.randomUUID()));
        }
        RequestId request = new RequestId(UUID.randomUUID());
        long latest = 0;
        for (int i = 0; i < EVENTS; i++) {
            NewEvent event = i % 100 == 0
                    ? NewEvent.of(Activation.request(WholeProject.INSTANCE, Mode.ACTIVE, at, request, Schedules.defaults()))
                    : new NewEvent(new HeartbeatRecorded(agents.get(i % AGENTS), false, at), request);
            List<StoredEvent> stored = log.append(project, List.of(event));
            latest = stored.get(0).id().value();
        }
        reader = agents.get(7);
        afterLatest = EventPageRequest.after(new EventId(latest), EventPageRequest.DEFAULT_LIMIT);
        tenNew = EventPageRequest.after(new EventId(latest - 1_000), EventPageRequest.DEFAULT_LIMIT);
        activation = NewEvent.of(Activation.request(WholeProject.INSTANCE, Mode.REAL_TIME, at, request,
                Schedules.defaults()));
    }

    /** Appends to a fresh log, a thousand at a time, so the heap does not fill up over the run. */
    @Benchmark
    @OperationsPerInvocation(APPENDS)
    public InMemoryEventLog append() {
        InMemoryEventLog fresh = new InMemoryEventLog(Clock.systemUTC());
        List<NewEvent> one = List.of(activation);
        for (int i = 0; i < APPENDS; i++) {
            fresh.append(project, one);
        }
        return fresh;
    }

    @Benchmark
    public EventPage feedAfterLatest() {
        return log.feed(project, reader, afterLatest);
    }

    @Benchmark
    public EventPage feedWithTenNewEvents() {
        return log.feed(project, reader, tenNew);
    }
}
