package io.agentevents.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.domain.TestAgents;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.event.ConfigurationChanged;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegisteredAgentTest {

    private static final Instant LATER = TestSessions.T0.plusSeconds(60);
    private final RegisteredAgent agent = TestAgents.agent(TestSessions.newProject(), "web-1", TestSessions.T0);

    @Test
    void newAgent_isEnabled_logsAtInfo_andUsesItsFlavorsVaultNetwork() {
        assertThat(agent.settings()).isEqualTo(new AgentSettings(true, LogLevel.INFO, true));
        assertThat(AgentSettings.initial(Flavor.RACKSPACE_DEDICATED, Optional.empty()).vaultUsesInternal()).isFalse();
        assertThat(AgentSettings.initial(Flavor.RACKSPACE_DEDICATED, Optional.of(true)).vaultUsesInternal()).isTrue();
    }

    @Test
    void registeredEvent_carriesTheNameAndTheOperatingSystem() {
        assertThat(agent.registeredEvent().name()).isEqualTo("web-1");
        assertThat(agent.registeredEvent().os()).isEqualTo(TestAgents.UBUNTU);
        assertThat(agent.registeredEvent().at()).isEqualTo(TestSessions.T0);
    }

    @Test
    void reconfigure_appliesTheChangesInOrder_andAnnouncesThem() {
        RegisteredAgent.Reconfiguration change = agent.reconfigure(List.of(new SettingChange.SetLogLevel(LogLevel.DEBUG),
                new SettingChange.SetLogLevel(LogLevel.WARN), new SettingChange.SetVaultUsesInternal(false)), LATER);

        assertThat(change.after().settings()).isEqualTo(new AgentSettings(true, LogLevel.WARN, false));
        assertThat(change.after().id()).isEqualTo(agent.id());
        assertThat(change.event()).contains(new ConfigurationChanged(agent.id(), LATER));
        assertThat(change.disablesAgent()).isFalse();
    }

    @Test
    void reconfigure_thatChangesNothing_announcesNothing() {
        RegisteredAgent.Reconfiguration change = agent.reconfigure(List.of(new SettingChange.SetEnabled(true),
                new SettingChange.SetLogLevel(LogLevel.INFO)), LATER);

        assertThat(change.after()).isEqualTo(agent);
        assertThat(change.event()).isEmpty();
    }

    @Test
    void reconfigure_disablingAnEnabledAgent_saysSo_andOnlyThen() {
        RegisteredAgent.Reconfiguration disabling = agent.reconfigure(List.of(new SettingChange.SetEnabled(false)), LATER);
        RegisteredAgent.Reconfiguration again = disabling.after()
                .reconfigure(List.of(new SettingChange.SetEnabled(false), new SettingChange.SetLogLevel(LogLevel.ALL)), LATER);

        assertThat(disabling.disablesAgent()).isTrue();
        assertThat(again.disablesAgent()).isFalse();
        assertThat(again.event()).isPresent();
    }
}
