package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static io.agentevents.application.service.InMemoryApplication.FINGERPRINT;
import static io.agentevents.application.service.InMemoryApplication.ADDRESS;
import static io.agentevents.domain.TestSessions.newRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.FingerprintMismatchException;
import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.ProjectNotFoundException;
import io.agentevents.application.port.in.access.AuthenticateAgentCommand;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.in.activation.ActivateAgentCommand;
import io.agentevents.application.port.in.activation.ActivateAgentsCommand;
import io.agentevents.application.port.in.agent.AgentConfiguration;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.agent.AgentRegistration;
import io.agentevents.application.port.in.agent.DeleteAgentCommand;
import io.agentevents.application.port.in.agent.ListAgentsQuery;
import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.AgentSignal;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.in.feed.PollDirective;
import io.agentevents.application.port.in.feed.RecordAgentEventCommand;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.TestAgents;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.agent.RegisteredAgent;
import io.agentevents.domain.event.AgentRegistered;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.EventType;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import io.agentevents.domain.session.AgentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentLifecycleServiceTest {

    private final InMemoryApplication app = new InMemoryApplication();
    private final EventPageRequest firstHundred = new EventPageRequest(Optional.empty(), 100, SortDirection.ASC);

    private AgentStatus statusOf(AgentId agent) {
        return awaited(app.agentStatus.status(new AgentQuery(app.observer, app.project, agent)));
    }

    @Test
    void register_storesOnlyAHashOfTheOneTimePassword_andAnnouncesTheAgent() {
        AgentRegistration registration = app.register();
        AgentId agent = registration.agent().id();

        String stored = app.registry.passwordHash(app.project, agent).orElseThrow().encoded();
        assertThat(stored).doesNotContain(registration.password().value()).startsWith("sha256$");
        assertThat(registration.password().value()).hasSizeGreaterThanOrEqualTo(22);
        StoredEvent event = app.eventLog.page(app.project, firstHundred).events().get(0);
        assertThat(event.event()).isEqualTo(new AgentRegistered(agent, "web-1", TestAgents.UBUNTU, registration.agent().registeredAt()));
        assertThat(awaited(app.listAgents.list(new ListAgentsQuery(app.observer, app.project))).registered()).containsExactly(registration.agent());
    }

    @Test
    void register_byObserver_isDenied() {
        assertThatThrownBy(() -> awaited(app.registerAgent.register(app.registration(app.observer, "n"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(awaited(app.listAgents.list(new ListAgentsQuery(app.admin, app.project))).registered()).isEmpty();
    }

    @Test
    void authenticate_withRightPasswordAndHost_givesAnExpiringTokenForThatAgent() {
        AgentRegistration registration = app.register();

        var token = awaited(app.authenticateAgent.authenticate(new AuthenticateAgentCommand(app.project,
                registration.agent().id(), registration.password(), FINGERPRINT, ADDRESS)));

        assertThat(app.identified(token.token()))
                .isEqualTo(new AgentCaller(app.project, registration.agent().id()));
        assertThat(token.expiresAt()).isEqualTo(app.clock.instant().plus(InMemoryApplication.AGENT_TOKEN_LIFETIME));
        app.clock.advanceBy(InMemoryApplication.AGENT_TOKEN_LIFETIME);
        assertThatThrownBy(() -> app.identified(token.token()))
                .isInstanceOf(NotAuthenticatedException.class).hasMessageContaining("expired");
    }

    @Test
    void authenticate_withWrongPassword_isNotAuthenticated() {
        AgentRegistration registration = app.register();

        assertThatThrownBy(() -> awaited(app.authenticateAgent.authenticate(new AuthenticateAgentCommand(app.project,
                registration.agent().id(), new Secret("guess"), FINGERPRINT, ADDRESS))))
                .isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void authenticate_fromAnotherHost_isAFingerprintMismatch() {
        AgentRegistration registration = app.register();

        assertThatThrownBy(() -> awaited(app.authenticateAgent.authenticate(new AuthenticateAgentCommand(app.project,
                registration.agent().id(), registration.password(), "another-host", ADDRESS))))
                .isInstanceOf(FingerprintMismatchException.class);
    }

    @Test
    void authenticate_inUnknownProject_isNotFound_andForAnUnknownAgent_isRefusedLikeAWrongPassword() {
        AgentRegistration registration = app.register();

        assertThatThrownBy(() -> awaited(app.authenticateAgent.authenticate(new AuthenticateAgentCommand(TestSessions.newProject(),
                registration.agent().id(), registration.password(), FINGERPRINT, ADDRESS))))
                .isInstanceOf(ProjectNotFoundException.class);
        assertThatThrownBy(() -> awaited(app.authenticateAgent.authenticate(new AuthenticateAgentCommand(app.project,
                TestSessions.newAgent(), registration.password(), FINGERPRINT, ADDRESS))))
                .isInstanceOf(NotAuthenticatedException.class).hasMessage("wrong agent id or password");
    }

    @Test
    void identify_unknownToken_isNotAuthenticated() {
        assertThatThrownBy(() -> app.identified(new Secret("nope"))).isInstanceOf(NotAuthenticatedException.class);
        assertThat(app.identified(app.adminToken)).isEqualTo(app.admin);
    }

    @Test
    void heartbeat_makesTheAgentOnlineAndBusy_untilItGoesQuiet() {
        AgentCaller agent = app.registeredAgentCaller();
        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.ACTIVE, newRequest()));

        awaited(app.recordAgentEvent.record(new RecordAgentEventCommand(agent, app.project, agent.agent(), AgentSignal.HEARTBEAT, true, newRequest())));
        assertThat(statusOf(agent.agent()).online()).as("this node read its own heartbeat before the flush").isTrue();
        assertThat(statusOf(agent.agent()).busy()).isTrue();
        assertThat(app.sessions.find(app.project, agent.agent()).orElseThrow().session().lastCheckInAt())
                .as("written with the next flush, not before").isEmpty();
        assertThat(awaited(app.flushPresence.flush())).isEqualTo(1);

        assertThat(statusOf(agent.agent()).online()).isTrue();
        assertThat(statusOf(agent.agent()).busy()).isTrue();
        app.clock.advanceBy(Duration.ofSeconds(6));
        assertThat(statusOf(agent.agent()).online()).isFalse();
    }

    @Test
    void checkIn_isReadAtOnceOnTheNodeThatTookIt_withTheModeItChecksInTo() {
        AgentCaller agent = app.registeredAgentCaller();
        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.REAL_TIME, newRequest()));
        app.clock.advanceBy(Duration.ofSeconds(2));

        app.poll(new ListAgentEventsQuery(agent, app.project, agent.agent(), firstHundred, newRequest()));

        AgentStatus status = statusOf(agent.agent());
        assertThat(status.online()).isTrue();
        assertThat(status.busy()).isFalse();
        assertThat(status.mode()).isEqualTo(Mode.REAL_TIME);
        assertThat(status.lastHeartbeatAt()).contains(app.clock.instant());
        assertThat(app.presence.size()).as("still to be flushed").isEqualTo(1);
    }

    @Test
    void shutdown_makesTheAgentOfflineAtOnce() {
        AgentCaller agent = app.registeredAgentCaller();
        awaited(app.recordAgentEvent.record(new RecordAgentEventCommand(agent, app.project, agent.agent(), AgentSignal.STARTUP, false, newRequest())));
        assertThat(statusOf(agent.agent()).online()).isTrue();

        awaited(app.recordAgentEvent.record(new RecordAgentEventCommand(agent, app.project, agent.agent(), AgentSignal.SHUTDOWN, false, newRequest())));

        assertThat(statusOf(agent.agent()).online()).isFalse();
    }

    @Test
    void heartbeatPendingWhenTheAgentShutsDown_isWrittenFirst_soTheShutdownStands() {
        AgentCaller agent = app.registeredAgentCaller();
        awaited(app.recordAgentEvent.record(new RecordAgentEventCommand(agent, app.project, agent.agent(), AgentSignal.HEARTBEAT, true, newRequest())));
        app.clock.advanceBy(Duration.ofMillis(10));

        awaited(app.recordAgentEvent.record(new RecordAgentEventCommand(agent, app.project, agent.agent(), AgentSignal.SHUTDOWN, false, newRequest())));
        assertThat(awaited(app.flushPresence.flush())).isZero();

        assertThat(statusOf(agent.agent()).online()).isFalse();
        assertThat(statusOf(agent.agent()).lastHeartbeatAt()).contains(app.clock.instant().minusMillis(10));
        assertThat(app.eventLog.page(app.project, firstHundred).events()).extracting(event -> event.event().type())
                .endsWith(EventType.AGENT_HEARTBEAT, EventType.AGENT_SHUTDOWN);
    }

    @Test
    void heartbeatEvent_carriesTheRequestIdOfTheHeartbeat() {
        AgentCaller agent = app.registeredAgentCaller();
        var request = newRequest();
        awaited(app.recordAgentEvent.record(new RecordAgentEventCommand(agent, app.project, agent.agent(), AgentSignal.HEARTBEAT, false, request)));

        awaited(app.flushPresence.flush());

        assertThat(app.eventLog.page(app.project, new EventPageRequest(Optional.empty(), 1, SortDirection.DESC)).events().get(0)
                .requestId()).isEqualTo(request);
    }

    @Test
    void agentEvent_fromAUserOrAnotherAgent_isDenied() {
        AgentCaller agent = app.registeredAgentCaller();
        AgentCaller other = app.registeredAgentCaller();

        assertThatThrownBy(() -> awaited(app.recordAgentEvent.record(new RecordAgentEventCommand(app.admin, app.project,
                agent.agent(), AgentSignal.HEARTBEAT, false, newRequest())))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> awaited(app.recordAgentEvent.record(new RecordAgentEventCommand(other, app.project,
                agent.agent(), AgentSignal.HEARTBEAT, false, newRequest())))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void poll_byTheAgent_isACheckInAndTellsItsModeAndInterval() {
        AgentCaller agent = app.registeredAgentCaller();
        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.REAL_TIME, newRequest()));

        AgentEventsPage page = app.poll(new ListAgentEventsQuery(agent, app.project, agent.agent(), firstHundred, newRequest()));
        awaited(app.flushPresence.flush());

        assertThat(page.directive().map(PollDirective::mode)).contains(Mode.REAL_TIME);
        assertThat(page.directive().map(PollDirective::pollEvery)).contains(Duration.ofMillis(300));
        assertThat(page.directive().flatMap(PollDirective::modeEndsAt))
                .contains(app.clock.instant().plus(app.schedules.forMode(Mode.REAL_TIME).activationLasts().orElseThrow()));
        assertThat(page.page().events()).extracting(event -> event.event().type())
                .contains(EventType.AGENT_ACTIVATE, EventType.AGENT_REGISTERED).doesNotContain(EventType.AGENT_HEARTBEAT);
        assertThat(statusOf(agent.agent()).online()).isTrue();
    }

    @Test
    void poll_repeatedWithinASecond_writesOneHeartbeatEvent() {
        AgentCaller agent = app.registeredAgentCaller();
        app.activated(new ActivateAgentsCommand(app.admin, app.project, Mode.ACTIVE, newRequest()));

        for (int i = 0; i < 5; i++) {
            app.poll(new ListAgentEventsQuery(agent, app.project, agent.agent(), firstHundred, newRequest()));
            awaited(app.flushPresence.flush());
            app.clock.advanceBy(Duration.ofMillis(100));
        }

        assertThat(app.eventLog.page(app.project, firstHundred).events())
                .filteredOn(event -> event.event().type() == EventType.AGENT_HEARTBEAT).hasSize(1);
    }

    @Test
    void read_byAUser_isNoCheckIn() {
        AgentId agent = app.register().agent().id();

        AgentEventsPage page = app.poll(new ListAgentEventsQuery(app.observer, app.project, agent, firstHundred, newRequest()));

        assertThat(page.directive()).isEmpty();
        assertThat(statusOf(agent).lastHeartbeatAt()).isEmpty();
    }

    @Test
    void feed_readByAUser_holdsTheAgentsHeartbeats_readByTheAgent_not() {
        AgentCaller agent = app.registeredAgentCaller();
        awaited(app.recordAgentEvent.record(new RecordAgentEventCommand(agent, app.project, agent.agent(), AgentSignal.HEARTBEAT,
                false, newRequest())));
        awaited(app.flushPresence.flush());

        List<EventType> byUser = app.poll(new ListAgentEventsQuery(app.observer, app.project, agent.agent(),
                firstHundred, newRequest())).page().events().stream().map(event -> event.event().type()).toList();
        List<EventType> byAgent = app.poll(new ListAgentEventsQuery(agent, app.project, agent.agent(),
                firstHundred, newRequest())).page().events().stream().map(event -> event.event().type()).toList();

        assertThat(byUser).containsExactly(EventType.AGENT_REGISTERED, EventType.AGENT_HEARTBEAT);
        assertThat(byAgent).containsExactly(EventType.AGENT_REGISTERED);
    }

    @Test
    void list_byHostMachineId_givesOnlyTheAgentsOnThatMachine() {
        RegisteredAgent first = awaited(app.registerAgent.register(app.registration(app.admin, "alpha"))).agent();
        awaited(app.registerAgent.register(app.registration(app.admin, "beta")));

        assertThat(awaited(app.listAgents.list(new ListAgentsQuery(app.observer, app.project, Optional.of(first.host().machineId()))))
                .registered()).containsExactly(first);
        assertThat(awaited(app.listAgents.list(new ListAgentsQuery(app.observer, app.project, Optional.of("no-such-machine")))).registered()).isEmpty();
        assertThat(awaited(app.listAgents.list(new ListAgentsQuery(app.observer, app.project))).registered()).hasSize(2);
    }

    @Test
    void delete_byAdmin_removesTheAgentAndRevokesItsTokens() {
        AgentCaller agent = app.registeredAgentCaller();

        assertThatThrownBy(() -> awaited(app.deleteAgent.delete(new DeleteAgentCommand(app.creator, app.project, agent.agent(), newRequest()))))
                .isInstanceOf(AccessDeniedException.class);
        awaited(app.deleteAgent.delete(new DeleteAgentCommand(app.admin, app.project, agent.agent(), newRequest())));

        assertThatThrownBy(() -> statusOf(agent.agent())).isInstanceOf(AgentNotFoundException.class);
        assertThat(app.agentTokens.purgeExpired(app.clock.instant().plus(Duration.ofDays(365)))).isZero();
        assertThat(app.eventLog.page(app.project, new EventPageRequest(Optional.empty(), 1, SortDirection.DESC))
                .events().get(0).event().type()).isEqualTo(EventType.AGENT_DELETED);
        assertThatThrownBy(() -> awaited(app.deleteAgent.delete(new DeleteAgentCommand(app.admin, app.project, agent.agent(), newRequest()))))
                .isInstanceOf(AgentNotFoundException.class);
    }

    @Test
    void configuration_isTheAgentAndTheSchedules_forUsersAndTheAgentItself() {
        AgentCaller agent = app.registeredAgentCaller();
        AgentCaller other = app.registeredAgentCaller();
        RegisteredAgent registered = app.registry.find(app.project, agent.agent()).orElseThrow();

        assertThat(awaited(app.configuration.configuration(new AgentQuery(agent, app.project, agent.agent()))))
                .isEqualTo(new AgentConfiguration(registered, app.schedules));
        assertThat(awaited(app.configuration.configuration(new AgentQuery(app.observer, app.project, agent.agent()))))
                .isEqualTo(new AgentConfiguration(registered, app.schedules));
        assertThatThrownBy(() -> awaited(app.configuration.configuration(new AgentQuery(other, app.project, agent.agent()))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void purge_dropsEventsPastTheRetentionOnly() {
        app.register();
        app.clock.advanceBy(InMemoryApplication.EVENT_RETENTION.plusSeconds(1));
        app.register();

        assertThat(awaited(app.purge.purge()).events()).isEqualTo(1);
        assertThat(app.eventLog.page(app.project, firstHundred).events()).hasSize(1);
    }
}
