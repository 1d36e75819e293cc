package io.agentevents.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.EventLogContract;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.event.AgentStartedUp;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresEventLogTest extends EventLogContract {

    private static SchemaStore database;

    @BeforeAll
    static void openDatabase() {
        database = new SchemaStore(PostgresEventLogTest.class);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected EventLog eventLog(Clock clock) {
        return new PostgresEventLog(database.store(), clock);
    }

    @Test
    void purge_whileAnotherNodeHoldsThePurgeLock_leavesTheWorkToThatNode() {
        PostgresEventLog log = new PostgresEventLog(database.store(), java.time.Clock.systemUTC());
        ProjectId project = TestSessions.newProject();
        log.append(project, List.of(new NewEvent(new AgentStartedUp(TestSessions.newAgent(), TestSessions.T0), TestSessions.newRequest())));
        Instant cutoff = TestSessions.T0.plusSeconds(1);

        try (Handle otherNode = Jdbi.open(TestDatabase.URL)) {
            otherNode.execute("SET search_path TO " + database.schema());
            assertThat(otherNode.createQuery("SELECT pg_try_advisory_lock(hashtext('agent-events purge ' || current_schema()))")
                    .mapTo(Boolean.class).one()).isTrue();

            assertThat(log.purgeBefore(cutoff)).isZero();
            assertThat(log.page(project, new EventPageRequest(Optional.empty(), 10, SortDirection.ASC)).events()).hasSize(1);
            // Unlock explicitly: a closed connection's backend lets go of its locks only a moment later.
            otherNode.createQuery("SELECT pg_advisory_unlock(hashtext('agent-events purge ' || current_schema()))")
                    .mapTo(Boolean.class).one();
        }

        assertThat(log.purgeBefore(cutoff)).isGreaterThanOrEqualTo(1);
        assertThat(log.page(project, new EventPageRequest(Optional.empty(), 10, SortDirection.ASC)).events()).isEmpty();
    }

    @Test
    void purge_deletesInBatches_untilNothingOldIsLeft() {
        PostgresEventLog log = new PostgresEventLog(database.store(), java.time.Clock.systemUTC());
        ProjectId project = TestSessions.newProject();
        List<NewEvent> old = new ArrayList<>();
        for (int i = 0; i < PostgresEventLog.PURGE_BATCH * 2 + 7; i++) {
            old.add(new NewEvent(new AgentStartedUp(TestSessions.newAgent(), TestSessions.T0.minusSeconds(60)), TestSessions.newRequest()));
        }
        log.append(project, old);

        assertThat(log.purgeBefore(TestSessions.T0)).isGreaterThanOrEqualTo(PostgresEventLog.PURGE_BATCH * 2L + 7);
        assertThat(log.page(project, new EventPageRequest(Optional.empty(), 10, SortDirection.ASC)).events()).isEmpty();
    }
}
