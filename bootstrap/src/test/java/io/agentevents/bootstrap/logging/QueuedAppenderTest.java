package io.agentevents.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.status.Status;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueuedAppenderTest {

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> output = new ListAppender<>();
    private final QueuedAppender queued = new QueuedAppender();

    QueuedAppenderTest() {
        context.setMDCAdapter(new LogbackMDCAdapter()); // as a configured context has; events read it when queued
        output.setContext(context);
        output.start();
        queued.setContext(context);
        queued.setName("test");
        queued.addAppender(output);
    }

    @AfterEach
    void stop() {
        queued.stop();
    }

    private ILoggingEvent event(int number) {
        return new LoggingEvent(QueuedAppenderTest.class.getName(), context.getLogger("test"), Level.INFO,
                "line {}", null, new Object[] {number});
    }

    private List<String> written() {
        return output.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void events_reachTheAppender_inOrder_withinAFewPeriods() throws InterruptedException {
        queued.setFlushEveryMillis(10);
        queued.start();

        for (int i = 0; i < 100; i++) {
            queued.doAppend(event(i));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (output.list.size() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        assertThat(written()).containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> "line " + i).toList());
    }

    @Test
    void stop_writesWhatIsStillQueued() {
        queued.setFlushEveryMillis(60_000);
        queued.start();
        for (int i = 0; i < 3; i++) {
            queued.doAppend(event(i));
        }
        assertThat(output.list).isEmpty();

        queued.stop();

        assertThat(written()).containsExactly("line 0", "line 1", "line 2");
    }

    @Test
    void aFullQueue_dropsNewEventsWithoutWaiting_andSaysSoInTheStatus() {
        queued.setQueueSize(2);
        queued.setFlushEveryMillis(60_000);
        queued.start();

        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            queued.doAppend(event(i));
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        queued.stop();

        assertThat(tookMillis).isLessThan(1_000);
        assertThat(written()).containsExactly("line 0", "line 1");
        assertThat(context.getStatusManager().getCopyOfStatusList()).map(Status::getMessage)
                .contains("3 log events dropped: the queue of 2 was full");
    }

    @Test
    void withoutAnAppender_itDoesNotStart() {
        QueuedAppender alone = new QueuedAppender();
        alone.setContext(context);

        alone.start();

        assertThat(alone.isStarted()).isFalse();
    }
}
