package io.agentevents.bench;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.activation.SingleAgent;
import io.agentevents.domain.activation.WholeProject;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.AgentStatus;
import io.agentevents.domain.session.PresencePolicy;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The domain's per-request work: every poll asks a session its effective mode, every status
 * read asks the presence policy, every heartbeat records itself on the session.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class DomainBenchmarks {

    private final Schedules schedules = Schedules.defaults();
    private final PresencePolicy presence = PresencePolicy.of(schedules);
    private final Instant start = Instant.parse("2026-11-27T10:00:00Z");
    private Instant now;
    private AgentSession session;
    private Optional<Activation> projectActivation;

    @Setup
    public void setUp() {
        ProjectId project = new ProjectId("bench");
        AgentId agent = new AgentId(UUID.randomUUID());
        Activation projectWide = Activation.request(WholeProject.INSTANCE, Mode.ACTIVE, start,
                new RequestId(UUID.randomUUID()), schedules);
        Activation ownRealTime = Activation.request(new SingleAgent(agent), Mode.REAL_TIME, start.plusSeconds(5),
                new RequestId(UUID.randomUUID()), schedules);
        projectActivation = Optional.of(projectWide);
        session = AgentSession.start(project, agent).activate(ownRealTime).next()
                .recordHeartbeat(start.plusSeconds(10), false, projectActivation, schedules).next();
        now = start.plusSeconds(11);
    }

    @Benchmark
    public Mode effectiveMode() {
        return session.effectiveModeAt(projectActivation, now);
    }

    @Benchmark
    public AgentStatus presenceStatus() {
        return presence.statusOf(session, projectActivation, now);
    }

    @Benchmark
    public AgentSession recordHeartbeat() {
        return session.recordHeartbeat(now, true, projectActivation, schedules).next();
    }
}
