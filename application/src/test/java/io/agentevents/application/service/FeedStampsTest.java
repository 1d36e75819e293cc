package io.agentevents.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.out.EventSignals;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedStampsTest {

    /** Signals raised by hand, delivering or not as the test says. */
    private static final class HandSignals implements EventSignals {
        Listener listener;
        boolean delivering = true;

        @Override
        public void listen(Listener newListener) {
            listener = newListener;
        }

        @Override
        public boolean delivering() {
            return delivering;
        }
    }

    private final HandSignals signals = new HandSignals();
    private final FeedStamps stamps = FeedStamps.following(signals);
    private final ProjectId project = TestSessions.newProject();
    private final AgentId agent = TestSessions.newAgent();
    private final AgentId neighbour = TestSessions.newAgent();

    @Test
    void anAgentsSignal_changesThatAgentOnly() {
        long stamp = stamps.now();

        signals.listener.appended(project, Optional.of(agent));

        assertThat(stamps.unchangedSince(stamp, project, agent)).isFalse();
        assertThat(stamps.unchangedSince(stamp, project, neighbour)).isTrue();
        assertThat(stamps.unchangedSince(stamp, TestSessions.newProject(), agent)).isTrue();
        assertThat(stamps.unchangedSince(stamps.now(), project, agent)).isTrue();
    }

    @Test
    void aProjectsSignal_changesEveryAgentOfIt() {
        long stamp = stamps.now();

        signals.listener.appended(project, Optional.empty());

        assertThat(stamps.unchangedSince(stamp, project, agent)).isFalse();
        assertThat(stamps.unchangedSince(stamp, project, neighbour)).isFalse();
        assertThat(stamps.unchangedSince(stamp, TestSessions.newProject(), agent)).isTrue();
    }

    @Test
    void signalsThatMayHaveBeenMissed_changeEverything() {
        long stamp = stamps.now();

        signals.listener.mayHaveMissedSome();

        assertThat(stamps.unchangedSince(stamp, project, agent)).isFalse();
        assertThat(stamps.unchangedSince(stamp, TestSessions.newProject(), neighbour)).isFalse();
        assertThat(stamps.unchangedSince(stamps.now(), project, agent)).isTrue();
    }

    @Test
    void whileSignalsAreNotDelivered_nothingIsUnchanged_norTrusted() {
        long stamp = stamps.now();
        signals.delivering = false;

        assertThat(stamps.unchangedSince(stamp, project, agent)).isFalse();
        assertThat(stamps.trusted()).isFalse();
        assertThat(FeedStamps.never().unchangedSince(0, project, agent)).isFalse();
    }

    @Test
    void pastTheAgentsItRemembers_itForgetsThem_asIfEverythingChanged() {
        long stamp = stamps.now();
        ProjectId busy = TestSessions.newProject();
        for (int i = 0; i <= FeedStamps.MAX_REMEMBERED; i++) {
            signals.listener.appended(busy, Optional.of(new AgentId(new UUID(0, i))));
        }

        assertThat(stamps.unchangedSince(stamp, project, agent)).isFalse();
        assertThat(stamps.unchangedSince(stamps.now(), project, agent)).isTrue();
    }
}
