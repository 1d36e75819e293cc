package io.agentevents.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchedOutputAppenderTest {

    /** Records each write it is given, as the file descriptor would see it. */
    private static final class RecordingOutput extends OutputStream {
        final List<String> writes = new ArrayList<>();
        boolean closed;

        @Override
        public void write(int b) {
            writes.add(String.valueOf((char) b));
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final LoggerContext context = new LoggerContext();
    private final RecordingOutput output = new RecordingOutput();
    private final BatchedOutputAppender<ILoggingEvent> batched = new BatchedOutputAppender<>();

    BatchedOutputAppenderTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        batched.setContext(context);
        batched.setEncoder(encoder);
        batched.setTarget(output);
        batched.start();
    }

    private ILoggingEvent event(String text) {
        return new LoggingEvent(BatchedOutputAppenderTest.class.getName(), context.getLogger("test"), Level.INFO,
                text, null, null);
    }

    @Test
    void lines_waitInTheBuffer_untilAFlushWritesThemAllAtOnce() {
        for (int i = 0; i < 50; i++) {
            batched.doAppend(event("line " + i));
        }
        assertThat(output.writes).isEmpty();

        batched.flush();

        assertThat(output.writes).containsExactly(IntStream.range(0, 50).mapToObj(i -> "line " + i + "\n")
                .collect(Collectors.joining()));
    }

    @Test
    void aFullBuffer_isWrittenBeforeTheLineThatDoesNotFit_soNoLineIsSplit() {
        String longText = "x".repeat(1000);
        int lines = 3 * BatchedOutputAppender.BUFFER_BYTES / 1001;
        for (int i = 0; i < lines; i++) {
            batched.doAppend(event(longText));
        }
        batched.flush();

        assertThat(output.writes).hasSizeGreaterThan(1);
        assertThat(output.writes).allSatisfy(write -> assertThat(write).endsWith("\n"));
        assertThat(String.join("", output.writes)).isEqualTo((longText + "\n").repeat(lines));
    }

    @Test
    void stop_writesWhatIsBuffered_andLeavesTheOutputOpen() {
        batched.doAppend(event("last words"));

        batched.stop();

        assertThat(output.writes).containsExactly("last words\n");
        assertThat(output.closed).isFalse();
    }

    @Test
    void fedByAQueuedAppender_aBatchIsOneWrite() {
        QueuedAppender queued = new QueuedAppender();
        queued.setContext(context);
        queued.setName("queued");
        queued.setFlushEveryMillis(60_000);
        queued.addAppender(batched);
        queued.start();
        for (int i = 0; i < 20; i++) {
            queued.doAppend(event("queued " + i));
        }

        queued.stop();

        assertThat(output.writes).containsExactly(IntStream.range(0, 20).mapToObj(i -> "queued " + i + "\n")
                .collect(Collectors.joining()));
    }
}
