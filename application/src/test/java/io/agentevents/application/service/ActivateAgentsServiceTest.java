package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static io.agentevents.domain.TestSessions.newRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.activation.ActivateAgentCommand;
import io.agentevents.application.port.in.activation.ActivateAgentsCommand;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.feed.ListProjectEventsQuery;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivateAgentsServiceTest {

    private final InMemoryApplication app = new InMemoryApplication();

    private Mode modeOf(AgentId agent) {
        return awaited(app.agentStatus.status(new AgentQuery(app.admin, app.project, agent))).mode();
    }

    @Test
    void activate_givesEveryAgentOfTheProjectTheMode_includingLaterOnes() {
        AgentId before = app.register().agent().id();

        app.activated(new ActivateAgentsCommand(app.creator, app.project, Mode.ACTIVE, newRequest()));
        AgentId after = app.register().agent().id();

        assertThat(modeOf(before)).isEqualTo(Mode.ACTIVE);
        assertThat(modeOf(after)).isEqualTo(Mode.ACTIVE);
    }

    @Test
    void activate_fallsBackToIdleWhenItRunsOut_andRepostingExtendsIt() {
        AgentId agent = app.register().agent().id();
        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.REAL_TIME, newRequest()));

        app.clock.advanceBy(Duration.ofSeconds(70));
        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.REAL_TIME, newRequest()));
        app.clock.advanceBy(Duration.ofSeconds(70));
        assertThat(modeOf(agent)).isEqualTo(Mode.REAL_TIME);

        app.clock.advanceBy(Duration.ofSeconds(5));
        assertThat(modeOf(agent)).isEqualTo(Mode.IDLE);
    }

    @Test
    void activate_checksAccessAtOnce_andCompletesOnceStored() {
        AgentId agent = app.register().agent().id();

        assertThat(app.activateAgents.activate(new ActivateAgentsCommand(app.observer, app.project, Mode.ACTIVE,
                newRequest())).toCompletableFuture()).isCompletedExceptionally();
        assertThatThrownBy(() -> app.activated(new ActivateAgentsCommand(app.observer, app.project, Mode.ACTIVE,
                newRequest()))).isInstanceOf(AccessDeniedException.class);
        var stage = app.activateAgents.activate(new ActivateAgentsCommand(app.admin, app.project, Mode.ACTIVE,
                newRequest())).toCompletableFuture();

        assertThat(stage).isCompleted();
        assertThat(app.modeOf(agent)).isEqualTo(Mode.ACTIVE);
    }

    @Test
    void activate_appendsOneEventCarryingTheRequestId() {
        RequestId request = newRequest();

        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.ACTIVE, request));

        StoredEvent event = awaited(app.listProjectEvents.list(new ListProjectEventsQuery(app.observer, app.project,
                new EventPageRequest(Optional.empty(), 10, SortDirection.DESC)))).events().get(0);
        assertThat(event.requestId()).isEqualTo(request);
        assertThat(((AgentActivated) event.event()).activation().mode()).isEqualTo(Mode.ACTIVE);
    }

    @Test
    void activate_byObserver_isDeniedAndWritesNothing() {
        assertThatThrownBy(() -> app.activated(
                new ActivateAgentsCommand(app.observer, app.project, Mode.ACTIVE, newRequest())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(app.projectActivations.find(app.project)).isEmpty();
    }

    @Test
    void activate_ofAnotherProject_isDenied() {
        assertThatThrownBy(() -> app.activated(
                new ActivateAgentsCommand(app.otherAdmin, app.project, Mode.ACTIVE, newRequest())))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining(app.project.value());
    }

    @Test
    void activate_withAnAgentToken_isDenied() {
        var agent = app.registeredAgentCaller();

        assertThatThrownBy(() -> app.activated(
                new ActivateAgentsCommand(agent, app.project, Mode.ACTIVE, newRequest())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void activateOneAgent_changesOnlyThatAgent() {
        AgentId chosen = app.register().agent().id();
        AgentId other = app.register().agent().id();

        awaited(app.activateAgent.activate(new ActivateAgentCommand(app.admin, app.project, chosen, Mode.REAL_TIME, newRequest())));

        assertThat(modeOf(chosen)).isEqualTo(Mode.REAL_TIME);
        assertThat(modeOf(other)).isEqualTo(Mode.IDLE);
    }

    @Test
    void activateOneAgent_unknown_isNotFoundAndWritesNoEvent() {
        AgentId unknown = TestSessions.newAgent();

        assertThatThrownBy(() -> awaited(app.activateAgent.activate(
                new ActivateAgentCommand(app.admin, app.project, unknown, Mode.ACTIVE, newRequest()))))
                .isInstanceOf(AgentNotFoundException.class);
        assertThat(app.eventLog.page(app.project, new EventPageRequest(Optional.empty(), 10, SortDirection.ASC))
                .events()).isEmpty();
    }
}
