package io.agentevents.domain.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.domain.AnswerRefusedException;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.event.EventType;
import org.junit.jupiter.api.Test;

class LogfileTest {

    private final Logfile requested = Logfile.requested(TestSessions.newProject(), TestSessions.newAgent(),
            TestSessions.newRequest(), TestSessions.T0);

    @Test
    void aNewLogfile_isRequested_andItsEventAsksForTheUploadNamedAfterItsDate() {
        assertThat(requested.state()).isEqualTo(LogfileState.REQUESTED);
        AgentRequested event = requested.requestedEvent();
        assertThat(event.type()).isEqualTo(EventType.LOGFILE_UPLOAD);
        assertThat(event.request()).isEqualTo(requested.id());
        assertThat(event.work()).isEqualTo(new RequestedWork.UploadLogfile(TestSessions.T0));
    }

    @Test
    void progressedTo_movesOnlyForward_eachStepItsEvent() {
        LogfileProgressed started = requested.progressedTo(LogfileState.STARTED, TestSessions.T0.plusSeconds(1));
        assertThat(started.type()).isEqualTo(EventType.LOGFILE_STARTED);
        Logfile uploading = requested.withState(LogfileState.STARTED);
        assertThat(uploading.progressedTo(LogfileState.COMPLETED, TestSessions.T0.plusSeconds(2)).type())
                .isEqualTo(EventType.LOGFILE_COMPLETED);
        assertThat(requested.progressedTo(LogfileState.COMPLETED, TestSessions.T0).type())
                .as("a quick agent may skip started").isEqualTo(EventType.LOGFILE_COMPLETED);

        assertThatThrownBy(() -> uploading.progressedTo(LogfileState.STARTED, TestSessions.T0))
                .isInstanceOf(AnswerRefusedException.class).hasMessageContaining("is started; it cannot become started");
        assertThatThrownBy(() -> requested.withState(LogfileState.COMPLETED).progressedTo(LogfileState.STARTED, TestSessions.T0))
                .isInstanceOf(AnswerRefusedException.class);
        assertThatThrownBy(() -> requested.progressedTo(LogfileState.REQUESTED, TestSessions.T0))
                .isInstanceOf(AnswerRefusedException.class);
    }
}
