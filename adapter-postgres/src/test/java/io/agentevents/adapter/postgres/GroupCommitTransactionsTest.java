package io.agentevents.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.application.port.out.StoreUnavailableException;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.HeartbeatRecorded;
import io.agentevents.domain.event.SortDirection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GroupCommitTransactionsTest {

    private static final ProjectId PROJECT = new ProjectId("p");
    private static SchemaStore database;
    private GroupCommitTransactions transactions;
    private final ExecutorService callers = Executors.newFixedThreadPool(4);

    @BeforeAll
    static void openDatabase() {
        database = new SchemaStore(GroupCommitTransactionsTest.class);
        database.store().call(handle -> handle.execute("CREATE TABLE notes (note text NOT NULL)"));
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void start() {
        database.store().call(handle -> handle.execute("DELETE FROM notes"));
        transactions = new GroupCommitTransactions(database.store());
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
        transactions.close();
    }

    private Void note(String text) {
        database.store().call(handle -> handle.execute("INSERT INTO notes (note) VALUES (?)", text));
        return null;
    }

    /** Waits for a shared transaction's commit: what the work returned, or what it failed with, unwrapped. */
    static <T> T committed(Transactions transactions, ProjectId project, Supplier<T> work) {
        try {
            return transactions.inSharedTransaction(project, work).toCompletableFuture().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    private void awaitWaiting(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (transactions.waiting() < count) {
            assertThat(System.nanoTime()).as("%d transactions queued", count).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private List<String> notes() {
        return database.store().call(handle -> handle.createQuery("SELECT note FROM notes ORDER BY note")
                .mapTo(String.class).list());
    }

    @Test
    void workArrivingTogether_sharesOneCommit_andAFailingOnesWritesAreDropped() throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(TestSessions.T0, java.time.ZoneOffset.UTC);
        PostgresEventLog eventLog = new PostgresEventLog(database.store(), clock);
        ProjectId logged = new ProjectId("p-" + System.nanoTime());
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        // The first transaction holds the committer, so the next three queue up and form one group.
        Future<Void> first = callers.submit(() -> committed(transactions, PROJECT, () -> {
            firstRunning.countDown();
            await(releaseFirst);
            return note("a");
        }));
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Void> failing = callers.submit(() -> committed(transactions, PROJECT, () -> {
            eventLog.append(logged, List.of(heartbeat("b")));
            throw new IllegalArgumentException("no such agent");
        }));
        Future<Void> third = callers.submit(() -> committed(transactions, PROJECT, () -> {
            eventLog.append(logged, List.of(heartbeat("c")));
            return note("c");
        }));
        Future<Void> fourth = callers.submit(() -> committed(transactions, PROJECT, () -> note("d")));
        while (transactions.waiting() < 3) {
            Thread.sleep(5);
        }
        long commitsBefore = transactions.commits();

        releaseFirst.countDown();
        first.get();
        third.get();
        fourth.get();

        assertThatThrownBy(failing::get).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no such agent");
        assertThat(notes()).containsExactly("a", "c", "d");
        assertThat(eventLog.page(logged, new EventPageRequest(Optional.empty(), 10, SortDirection.ASC)).events())
                .as("the failing work's event is dropped and its id given to the next")
                .extracting(event -> event.id().value()).containsExactly(EventLog.firstIdAt(TestSessions.T0));
        assertThat(transactions.commits() - commitsBefore).as("the first alone, then the other three together")
                .isEqualTo(2);
    }

    private static NewEvent heartbeat(String note) {
        return new NewEvent(new HeartbeatRecorded(TestSessions.newAgent(), note.equals("b"), TestSessions.T0),
                TestSessions.newRequest());
    }

    @Test
    void beyondItsBound_aTransactionIsRefusedAtOnce_asTheStoreBeingUnavailable() throws Exception {
        try (GroupCommitTransactions bounded = new GroupCommitTransactions(database.store(), 1)) {
            CountDownLatch firstRunning = new CountDownLatch(1);
            CountDownLatch releaseFirst = new CountDownLatch(1);
            Future<Void> first = callers.submit(() -> committed(bounded, PROJECT, () -> {
                firstRunning.countDown();
                await(releaseFirst);
                return note("first");
            }));
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.CompletionStage<Void> queued = bounded.inSharedTransaction(PROJECT, () -> note("queued"));

            java.util.concurrent.CompletionStage<Void> refused = bounded.inSharedTransaction(PROJECT, () -> note("refused"));

            assertThat(refused.toCompletableFuture()).isCompletedExceptionally();
            assertThatThrownBy(() -> committed(bounded, PROJECT, () -> note("refused too")))
                    .isInstanceOf(io.agentevents.application.port.out.StoreUnavailableException.class)
                    .hasMessageContaining("too many transactions");
            releaseFirst.countDown();
            first.get();
            queued.toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(notes()).containsExactly("first", "queued");
        }
    }

    @Test
    void workFailingForADatabaseReason_runsAgainAloneAfterTheGroup() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        Future<Void> first = callers.submit(() -> committed(transactions, PROJECT, () -> {
            firstRunning.countDown();
            await(releaseFirst);
            return note("a");
        }));
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        // Queued ahead of the failing work, so the group has written it when the transaction breaks.
        Future<Void> other = callers.submit(() -> committed(transactions, PROJECT, () -> note("other")));
        awaitWaiting(1);
        // Fails in the group as a deadlock victim would (an SQL error), succeeds when run alone.
        Future<Void> flaky = callers.submit(() -> committed(transactions, PROJECT, () -> {
            if (attempts.incrementAndGet() == 1) {
                database.store().call(handle -> handle.execute("INSERT INTO no_such_table VALUES (1)"));
            }
            return note("flaky");
        }));
        awaitWaiting(2);

        releaseFirst.countDown();
        first.get();
        flaky.get();
        other.get();

        assertThat(attempts).hasValue(2);
        assertThat(notes()).containsExactly("a", "flaky", "other");
    }

    @Test
    void aGroupRunsItsWorkOrderedByProject_soNodesTakeLocksInOneOrder() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        Future<Void> first = callers.submit(() -> committed(transactions, new ProjectId("m"), () -> {
            firstRunning.countDown();
            await(releaseFirst);
            return null;
        }));
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Void> later = callers.submit(() -> committed(transactions, new ProjectId("z"), () -> {
            ran.add("z");
            return note("z");
        }));
        while (transactions.waiting() < 1) {
            Thread.sleep(5);
        }
        Future<Void> earlier = callers.submit(() -> committed(transactions, new ProjectId("a"), () -> {
            ran.add("a");
            return note("a");
        }));
        while (transactions.waiting() < 2) {
            Thread.sleep(5);
        }

        releaseFirst.countDown();
        first.get();
        later.get();
        earlier.get();

        assertThat(ran).containsExactly("a", "z");
    }

    @Test
    void later_returnsAtOnce_andCompletesAfterTheCommit_withTheWorksOwnFailure() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        var first = transactions.inSharedTransaction(PROJECT, () -> {
            firstRunning.countDown();
            await(releaseFirst);
            return note("first");
        }).toCompletableFuture();
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        var second = transactions.inSharedTransaction(PROJECT, () -> note("second")).toCompletableFuture();
        var refused = transactions.inSharedTransaction(PROJECT, () -> {
            throw new IllegalArgumentException("refused");
        }).toCompletableFuture();

        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        releaseFirst.countDown();

        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertThat(notes()).containsExactly("first", "second");
        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void later_afterClose_failsAsUnavailable() {
        transactions.close();

        assertThat(transactions.inSharedTransaction(PROJECT, () -> note("late")).toCompletableFuture())
                .isCompletedExceptionally();
        assertThat(notes()).isEmpty();
    }

    @Test
    void unsharedTransactions_runAloneOnTheCallersThread() {
        long before = transactions.commits();
        String caller = Thread.currentThread().getName();

        String ranOn = transactions.inTransaction(() -> {
            note("alone");
            return Thread.currentThread().getName();
        });

        assertThat(ranOn).isEqualTo(caller);
        assertThat(transactions.commits()).isEqualTo(before);
        assertThat(notes()).containsExactly("alone");
    }

    @Test
    void nestedTransactions_joinTheGroup() {
        assertThat(committed(transactions, PROJECT, () -> transactions.inTransaction(() -> note("nested")))).isNull();

        assertThat(notes()).containsExactly("nested");
    }

    @Test
    void aFailureAloneRollsBackItsWork_evenWhatItWroteDirectly() {
        assertThatThrownBy(() -> committed(transactions, PROJECT, () -> {
            note("gone");
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(notes()).isEmpty();
    }

    @Test
    void afterClose_transactionsAreRefusedAsUnavailable() {
        transactions.close();

        assertThatThrownBy(() -> committed(transactions, PROJECT, () -> note("late")))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(notes()).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
