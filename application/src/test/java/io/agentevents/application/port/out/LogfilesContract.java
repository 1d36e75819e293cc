package io.agentevents.application.port.out;

import static io.agentevents.domain.TestSessions.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.request.Logfile;
import io.agentevents.domain.request.LogfileState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every promise of {@link Logfiles}. */
public abstract class LogfilesContract {

    private final ProjectId project = TestSessions.newProject();
    private final AgentId agent = TestSessions.newAgent();
    private Logfiles logfiles;

    protected abstract Logfiles logfiles();

    @BeforeEach
    void setUpLogfiles() {
        logfiles = logfiles();
    }

    private Logfile added(int secondsAfterT0) {
        Logfile logfile = Logfile.requested(project, agent, TestSessions.newRequest(), T0.plusSeconds(secondsAfterT0));
        logfiles.add(logfile);
        return logfile;
    }

    @Test
    void list_isOldestFirst_andEmptyForAnAgentWithout() {
        Logfile second = added(2);
        Logfile first = added(1);

        assertThat(logfiles.list(project, agent)).containsExactly(first, second);
        assertThat(logfiles.list(project, TestSessions.newAgent())).isEmpty();
        assertThat(logfiles.find(project, agent, first.id())).contains(first);
        assertThat(logfiles.find(project, TestSessions.newAgent(), first.id())).isEmpty();
    }

    @Test
    void add_twice_isRefused() {
        Logfile logfile = added(0);

        assertThatThrownBy(() -> logfiles.add(logfile)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void advance_movesOnlyFromTheExpectedState() {
        Logfile logfile = added(0);

        assertThat(logfiles.advance(project, agent, logfile.id(), LogfileState.STARTED, LogfileState.COMPLETED)).isFalse();
        assertThat(logfiles.advance(project, agent, logfile.id(), LogfileState.REQUESTED, LogfileState.STARTED)).isTrue();
        assertThat(logfiles.find(project, agent, logfile.id()).orElseThrow().state()).isEqualTo(LogfileState.STARTED);
        assertThat(logfiles.advance(project, agent, TestSessions.newRequest(), LogfileState.REQUESTED, LogfileState.STARTED))
                .isFalse();
    }

    @Test
    void concurrentAdvances_fromOneState_haveOneWinner() throws Exception {
        Logfile logfile = added(0);
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Callable<Boolean>> advances = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                advances.add(() -> logfiles.advance(project, agent, logfile.id(), LogfileState.REQUESTED,
                        LogfileState.STARTED));
            }
            long winners = 0;
            for (Future<Boolean> advance : pool.invokeAll(advances)) {
                winners += advance.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void remove_forgetsOne_andRemoveAll_theAgentsRest() {
        Logfile first = added(1);
        Logfile second = added(2);
        AgentId other = TestSessions.newAgent();
        Logfile theirs = Logfile.requested(project, other, TestSessions.newRequest(), T0);
        logfiles.add(theirs);

        assertThat(logfiles.remove(project, agent, first.id())).isTrue();
        assertThat(logfiles.remove(project, agent, first.id())).isFalse();
        assertThat(logfiles.list(project, agent)).containsExactly(second);
        logfiles.removeAll(project, agent);
        assertThat(logfiles.list(project, agent)).isEmpty();
        assertThat(logfiles.list(project, other)).containsExactly(theirs);
    }
}
