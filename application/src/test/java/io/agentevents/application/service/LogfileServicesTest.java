package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.RequestNotFoundException;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.agent.DeleteAgentCommand;
import io.agentevents.application.port.in.logfile.LogfileQuery;
import io.agentevents.application.port.in.logfile.RequestLogfileCommand;
import io.agentevents.application.port.in.logfile.UpdateLogfileCommand;
import io.agentevents.application.service.logfile.DeleteLogfileService;
import io.agentevents.application.service.logfile.GetLogfileService;
import io.agentevents.application.service.logfile.ListLogfilesService;
import io.agentevents.application.service.logfile.RequestLogfileService;
import io.agentevents.application.service.logfile.UpdateLogfileService;
import io.agentevents.domain.AnswerRefusedException;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.EventType;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import io.agentevents.domain.request.Logfile;
import io.agentevents.domain.request.LogfileState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A log file's life: a client asks for it, the agent uploads it step by step, a client deletes it. */
class LogfileServicesTest {

    private final InMemoryApplication app = new InMemoryApplication();
    private final RequestLogfileService request = new RequestLogfileService(app.registry, app.logfiles, app.eventLog,
            app.transactions, app.clock, app.inline);
    private final ListLogfilesService list = new ListLogfilesService(app.registry, app.logfiles, app.inline);
    private final GetLogfileService get = new GetLogfileService(app.registry, app.logfiles, app.inline);
    private final UpdateLogfileService update = new UpdateLogfileService(app.registry, app.logfiles, app.eventLog,
            app.transactions, app.clock, app.inline);
    private final DeleteLogfileService delete = new DeleteLogfileService(app.registry, app.logfiles, app.inline);
    private final AgentCaller agent = app.registeredAgentCaller();

    private Logfile requested(Caller caller) {
        return awaited(request.request(new RequestLogfileCommand(caller, app.project, agent.agent(),
                TestSessions.newRequest())));
    }

    private void updated(Caller caller, Logfile logfile, LogfileState state) {
        awaited(update.update(new UpdateLogfileCommand(caller, app.project, agent.agent(), logfile.id(), state)));
    }

    private LogfileQuery queryOf(Caller caller, Logfile logfile) {
        return new LogfileQuery(caller, app.project, agent.agent(), logfile.id());
    }

    private List<EventType> feedTypes() {
        return app.eventLog.feedWithHeartbeats(app.project, agent.agent(), new EventPageRequest(Optional.empty(), 100,
                SortDirection.ASC)).events().stream().map(StoredEvent::event).map(event -> event.type()).toList();
    }

    @Test
    void aRequestedLogfile_isListed_andMovesForward_eachStepAnEvent() {
        Logfile logfile = requested(app.creator);
        assertThat(logfile.state()).isEqualTo(LogfileState.REQUESTED);
        assertThat(logfile.date()).isEqualTo(app.clock.instant());
        assertThat(awaited(list.list(new io.agentevents.application.port.in.agent.AgentQuery(app.observer, app.project,
                agent.agent())))).containsExactly(logfile);

        app.clock.advanceBy(Duration.ofSeconds(1));
        updated(agent, logfile, LogfileState.STARTED);
        updated(agent, logfile, LogfileState.COMPLETED);

        assertThat(awaited(get.get(queryOf(app.observer, logfile))).state()).isEqualTo(LogfileState.COMPLETED);
        assertThat(awaited(get.get(queryOf(agent, logfile))).state()).isEqualTo(LogfileState.COMPLETED);
        assertThat(feedTypes()).containsSubsequence(EventType.LOGFILE_UPLOAD, EventType.LOGFILE_STARTED,
                EventType.LOGFILE_COMPLETED);
    }

    @Test
    void aStepBackOrTwice_isRefused_andWritesNothing() {
        Logfile logfile = requested(app.admin);
        updated(agent, logfile, LogfileState.COMPLETED);
        int events = feedTypes().size();

        assertThatThrownBy(() -> updated(agent, logfile, LogfileState.STARTED)).isInstanceOf(AnswerRefusedException.class);
        assertThatThrownBy(() -> updated(agent, logfile, LogfileState.COMPLETED)).isInstanceOf(AnswerRefusedException.class);
        assertThat(feedTypes()).hasSize(events);
    }

    @Test
    void whoMayDoWhat() {
        assertThatThrownBy(() -> requested(app.observer)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requested(agent)).isInstanceOf(AccessDeniedException.class);
        Logfile logfile = requested(app.admin);
        assertThatThrownBy(() -> updated(app.admin, logfile, LogfileState.STARTED)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> updated(app.registeredAgentCaller(), logfile, LogfileState.STARTED))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> awaited(get.get(queryOf(app.otherAdmin, logfile)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> awaited(delete.delete(queryOf(app.creator, logfile)))).isInstanceOf(AccessDeniedException.class);

        awaited(delete.delete(queryOf(app.admin, logfile)));
        assertThatThrownBy(() -> awaited(get.get(queryOf(app.admin, logfile)))).isInstanceOf(RequestNotFoundException.class);
        assertThatThrownBy(() -> awaited(delete.delete(queryOf(app.admin, logfile))))
                .isInstanceOf(RequestNotFoundException.class);
    }

    @Test
    void anUnknownAgent_isNotFound_andADeletedOneTakesItsLogfilesWithIt() {
        assertThatThrownBy(() -> awaited(request.request(new RequestLogfileCommand(app.admin, app.project,
                TestSessions.newAgent(), TestSessions.newRequest())))).isInstanceOf(AgentNotFoundException.class);
        assertThatThrownBy(() -> awaited(list.list(new AgentQuery(app.admin, app.project, TestSessions.newAgent()))))
                .isInstanceOf(AgentNotFoundException.class);
        Logfile logfile = requested(app.admin);

        awaited(app.deleteAgent.delete(new DeleteAgentCommand(app.admin, app.project, agent.agent(),
                TestSessions.newRequest())));

        assertThat(app.logfiles.find(app.project, agent.agent(), logfile.id())).isEmpty();
    }
}
