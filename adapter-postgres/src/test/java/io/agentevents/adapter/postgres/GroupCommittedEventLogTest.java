package io.agentevents.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.EventLogContract;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.StoredEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole event log contract again, every append in a transaction of the group committer as
 * the services make them: with many writers, appends share commits, and the marker guarantee
 * must still hold.
 */
class GroupCommittedEventLogTest extends EventLogContract {

    private static SchemaStore database;
    private static GroupCommitTransactions transactions;

    @BeforeAll
    static void openDatabase() {
        database = new SchemaStore(GroupCommittedEventLogTest.class);
        transactions = new GroupCommitTransactions(database.store());
    }

    private static final AtomicLong appends = new AtomicLong();

    /** The contract's concurrent writers run through here: they must have shared commits. */
    @AfterAll
    static void appendsSharedCommits_thenClose() {
        try {
            System.out.printf("group commit: %d appends in %d commits%n", appends.get(), transactions.commits());
            assertThat(appends.get()).isGreaterThanOrEqualTo((long) WRITERS * EVENTS_PER_WRITER);
            assertThat(transactions.commits()).isLessThan(appends.get());
        } finally {
            transactions.close();
            database.close();
        }
    }

    @Override
    protected EventLog eventLog(Clock clock) {
        PostgresEventLog log = new PostgresEventLog(database.store(), clock);
        return new EventLog() {
            @Override
            public List<StoredEvent> append(ProjectId project, List<NewEvent> events) {
                appends.incrementAndGet();
                return GroupCommitTransactionsTest.committed(transactions, project, () -> log.append(project, events));
            }

            @Override
            public EventPage page(ProjectId project, EventPageRequest request) {
                return log.page(project, request);
            }

            @Override
            public EventPage feed(ProjectId project, AgentId agent, EventPageRequest request) {
                return log.feed(project, agent, request);
            }

            @Override
            public EventPage feedWithHeartbeats(ProjectId project, AgentId agent, EventPageRequest request) {
                return log.feedWithHeartbeats(project, agent, request);
            }

            @Override
            public List<StoredEvent> newInFeed(ProjectId project, AgentId agent, Optional<EventId> after, int limit) {
                return log.newInFeed(project, agent, after, limit);
            }

            @Override
            public List<StoredEvent> inFeedsAfter(ProjectId project, Optional<EventId> after, int limit) {
                return log.inFeedsAfter(project, after, limit);
            }

            @Override
            public long purgeBefore(Instant cutoff) {
                return log.purgeBefore(cutoff);
            }

            @Override
            public long size() {
                return log.size();
            }
        };
    }
}
