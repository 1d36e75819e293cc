package io.agentevents.application.memory.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdListTest {

    @Test
    void addsAndRemovals_keepExactlyTheLargerIds_inOrder() {
        Random random = new Random(7);
        IdList ids = new IdList();
        List<Long> expected = new ArrayList<>();
        long next = 1;
        for (int step = 0; step < 300; step++) {
            int adds = random.nextInt(step < 150 ? 500 : 20);
            for (int i = 0; i < adds; i++) {
                next += 1 + random.nextInt(3);
                ids.add(next);
                expected.add(next);
            }
            if (random.nextInt(3) == 0) {
                long through = next - random.nextInt(600);
                ids.removeThrough(through);
                expected.removeIf(id -> id <= through);
            }
            assertThat(ids.size()).isEqualTo(expected.size());
            assertThat(ids.isEmpty()).isEqualTo(expected.isEmpty());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(ids.idAt(i)).isEqualTo(expected.get(i));
            }
        }
    }

    @Test
    void firstIndexAfter_findsThePositionOfTheFirstLargerId() {
        IdList ids = new IdList();
        for (long id : new long[] {3, 5, 9}) {
            ids.add(id);
        }

        assertThat(SortedIds.firstIndexAfter(ids, 0)).isZero();
        assertThat(SortedIds.firstIndexAfter(ids, 3)).isEqualTo(1);
        assertThat(SortedIds.firstIndexAfter(ids, 4)).isEqualTo(1);
        assertThat(SortedIds.firstIndexAfter(ids, 9)).isEqualTo(3);
        assertThat(SortedIds.firstIndexAfter(new IdList(), 9)).isZero();
    }
}
