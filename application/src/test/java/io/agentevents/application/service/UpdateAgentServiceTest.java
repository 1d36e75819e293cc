package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static io.agentevents.application.service.InMemoryApplication.FINGERPRINT;
import static io.agentevents.application.service.InMemoryApplication.ADDRESS;
import static io.agentevents.domain.TestSessions.newRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentDisabledException;
import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.access.AuthenticateAgentCommand;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.agent.AgentRegistration;
import io.agentevents.application.port.in.agent.UpdateAgentCommand;
import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.service.agent.UpdateAgentService;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.agent.AgentSettings;
import io.agentevents.domain.agent.LogLevel;
import io.agentevents.domain.agent.SettingChange;
import io.agentevents.domain.event.ConfigurationChanged;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.EventType;
import io.agentevents.domain.event.SortDirection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdateAgentServiceTest {

    private final InMemoryApplication app = new InMemoryApplication();
    private final UpdateAgentService update = new UpdateAgentService(app.registry, app.agentTokens, app.eventLog,
            app.transactions, app.clock, app.inline);
    private final EventPageRequest firstHundred = new EventPageRequest(Optional.empty(), 100, SortDirection.ASC);

    private void patch(AgentId agent, SettingChange... changes) {
        awaited(update.update(new UpdateAgentCommand(app.creator, app.project, agent, List.of(changes), newRequest())));
    }

    private AgentSettings settingsOf(AgentId agent) {
        return awaited(app.configuration.configuration(new AgentQuery(app.observer, app.project, agent))).agent().settings();
    }

    @Test
    void update_changesTheSettings_andTellsThePollingAgent() {
        AgentCaller agent = app.registeredAgentCaller();

        patch(agent.agent(), new SettingChange.SetLogLevel(LogLevel.DEBUG), new SettingChange.SetVaultUsesInternal(false));

        assertThat(settingsOf(agent.agent())).isEqualTo(new AgentSettings(true, LogLevel.DEBUG, false));
        AgentEventsPage feed = app.poll(new ListAgentEventsQuery(agent, app.project, agent.agent(),
                firstHundred, newRequest()));
        assertThat(feed.page().events()).extracting(event -> event.event().type())
                .containsExactly(EventType.AGENT_REGISTERED, EventType.CONFIGURATION_CHANGED);
        assertThat(feed.page().events().get(1).event()).isEqualTo(new ConfigurationChanged(agent.agent(), app.clock.instant()));
    }

    @Test
    void update_thatChangesNothing_announcesNothing() {
        AgentId agent = app.register().agent().id();

        patch(agent, new SettingChange.SetEnabled(true), new SettingChange.SetLogLevel(LogLevel.INFO));

        assertThat(app.eventLog.page(app.project, firstHundred).events()).hasSize(1);
    }

    @Test
    void update_byObserverOrInAnotherProject_isDenied_andChangesNothing() {
        AgentId agent = app.register().agent().id();
        List<SettingChange> disable = List.of(new SettingChange.SetEnabled(false));

        assertThatThrownBy(() -> awaited(update.update(new UpdateAgentCommand(app.observer, app.project, agent, disable, newRequest()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> awaited(update.update(new UpdateAgentCommand(app.otherAdmin, app.project, agent, disable, newRequest()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(settingsOf(agent).enabled()).isTrue();
    }

    @Test
    void update_ofAnUnknownAgent_isNotFound() {
        assertThatThrownBy(() -> patch(TestSessions.newAgent(), new SettingChange.SetEnabled(false)))
                .isInstanceOf(AgentNotFoundException.class);
    }

    @Test
    void disabling_revokesTheAgentsTokens_andRefusesItsSignIn_untilEnabledAgain() {
        AgentRegistration registration = app.register();
        AgentId agent = registration.agent().id();
        AuthenticateAgentCommand signIn = new AuthenticateAgentCommand(app.project, agent, registration.password(), FINGERPRINT, ADDRESS);
        Secret token = awaited(app.authenticateAgent.authenticate(signIn)).token();
        assertThat(app.identified(token)).isEqualTo(new AgentCaller(app.project, agent));

        patch(agent, new SettingChange.SetEnabled(false));

        assertThatThrownBy(() -> app.identified(token)).isInstanceOf(NotAuthenticatedException.class);
        assertThatThrownBy(() -> awaited(app.authenticateAgent.authenticate(signIn))).isInstanceOf(AgentDisabledException.class)
                .hasMessageContaining("is disabled");
        patch(agent, new SettingChange.SetEnabled(true));
        Secret again = awaited(app.authenticateAgent.authenticate(signIn)).token();
        assertThat(app.identified(again)).isEqualTo(new AgentCaller(app.project, agent));
    }
}
