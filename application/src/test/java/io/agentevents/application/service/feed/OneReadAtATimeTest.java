package io.agentevents.application.service.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneReadAtATimeTest {

    @Test
    void signalsDuringARead_makeExactlyOneMoreRead_andNoneOverlap() {
        List<Runnable> unfinished = new ArrayList<>();
        int[] reads = {0};
        OneReadAtATime guard = new OneReadAtATime(done -> {
            reads[0]++;
            unfinished.add(done);
        });

        guard.signal();
        guard.signal();
        guard.signal();
        assertThat(reads[0]).as("the first read is under way").isEqualTo(1);

        unfinished.remove(0).run();
        assertThat(reads[0]).as("one more for the two signals that came meanwhile").isEqualTo(2);

        unfinished.remove(0).run();
        assertThat(reads[0]).as("nothing signalled since").isEqualTo(2);
        guard.signal();
        assertThat(reads[0]).isEqualTo(3);
    }
}
