package io.agentevents.application.port.out;

import static io.agentevents.domain.TestSessions.T0;
import static io.agentevents.domain.TestSessions.newAgent;
import static io.agentevents.domain.TestSessions.newProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.out.access.PasswordHash;
import io.agentevents.domain.OperatingSystem;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestAgents;
import io.agentevents.domain.agent.AgentHost;
import io.agentevents.domain.agent.AgentSettings;
import io.agentevents.domain.agent.Flavor;
import io.agentevents.domain.agent.IpAddress;
import io.agentevents.domain.agent.LogLevel;
import io.agentevents.domain.agent.RegisteredAgent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every promise of {@link AgentRegistry}. */
public abstract class AgentRegistryContract {

    private AgentRegistry registry;
    private ProjectId project;

    protected abstract AgentRegistry registry();

    @BeforeEach
    void setUpRegistry() {
        registry = registry();
        project = newProject();
    }

    private RegisteredAgent agent(int secondsAfterT0) {
        return TestAgents.agent(project, "web-" + secondsAfterT0, T0.plusSeconds(secondsAfterT0).plusNanos(123_000));
    }

    @Test
    void add_thenFind_givesTheAgentAndItsPasswordHashBack() {
        RegisteredAgent agent = agent(1);

        registry.add(agent, new PasswordHash("pbkdf2-sha512$1000$c2FsdA$aGFzaA"));

        assertThat(registry.find(project, agent.id())).contains(agent);
        assertThat(registry.passwordHash(project, agent.id())).contains(new PasswordHash("pbkdf2-sha512$1000$c2FsdA$aGFzaA"));
    }

    @Test
    void find_inAnotherProject_isEmpty() {
        RegisteredAgent agent = agent(1);
        registry.add(agent, new PasswordHash("h"));

        assertThat(registry.find(newProject(), agent.id())).isEmpty();
        assertThat(registry.passwordHash(newProject(), agent.id())).isEmpty();
    }

    @Test
    void add_sameIdTwice_isRefused() {
        RegisteredAgent agent = agent(1);
        registry.add(agent, new PasswordHash("h"));

        assertThatThrownBy(() -> registry.add(agent, new PasswordHash("h2"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void list_isOldestRegistrationFirst_andEmptyForUnknownProjects() {
        RegisteredAgent second = agent(2);
        RegisteredAgent first = agent(1);
        registry.add(second, new PasswordHash("h"));
        registry.add(first, new PasswordHash("h"));

        assertThat(registry.list(project)).containsExactly(first, second);
        assertThat(registry.list(newProject())).isEmpty();
    }

    @Test
    void remove_forgetsTheAgentOnce() {
        RegisteredAgent agent = agent(1);
        registry.add(agent, new PasswordHash("h"));

        assertThat(registry.remove(project, agent.id())).isTrue();
        assertThat(registry.remove(project, agent.id())).isFalse();
        assertThat(registry.find(project, agent.id())).isEmpty();
        assertThat(registry.passwordHash(project, agent.id())).isEmpty();
    }

    @Test
    void add_thenFind_keepsEveryFieldOfTheHost_evenWithoutRegionKeyOrAddresses() {
        RegisteredAgent example = agent(1);
        AgentHost bare = new AgentHost(Flavor.RACKSPACE_PRIVATE_CLOUD, Optional.of("IAD"), "m-1",
                new OperatingSystem("Windows Server", "2012 R2", "x64"), "fp-bare", List.of());
        RegisteredAgent minimal = new RegisteredAgent(project, newAgent(), "bare", "9", bare, Optional.empty(),
                new AgentSettings(false, LogLevel.FATAL, false), T0);
        AgentHost novaWithoutRegion = new AgentHost(Flavor.NOVA, Optional.empty(), "m-2", TestAgents.UBUNTU, "fp-nova",
                List.of(new IpAddress(6, "2001:db8::1")));
        RegisteredAgent nova = new RegisteredAgent(project, newAgent(), "nova", "9", novaWithoutRegion,
                Optional.of(TestAgents.KEY), AgentSettings.initial(Flavor.NOVA, Optional.of(false)), T0);

        registry.add(example, new PasswordHash("h"));
        registry.add(minimal, new PasswordHash("h"));
        registry.add(nova, new PasswordHash("h"));

        assertThat(registry.find(project, example.id())).contains(example);
        assertThat(registry.find(project, minimal.id())).contains(minimal);
        assertThat(registry.find(project, nova.id())).contains(nova);
    }

    @Test
    void updateSettings_comparesAndSets_soAStaleWriteIsRefused() {
        RegisteredAgent agent = agent(1);
        registry.add(agent, new PasswordHash("h"));
        AgentSettings debug = new AgentSettings(true, LogLevel.DEBUG, false);

        assertThat(registry.updateSettings(project, agent.id(), agent.settings(), debug)).isTrue();
        assertThat(registry.updateSettings(project, agent.id(), agent.settings(), new AgentSettings(false, LogLevel.INFO, true)))
                .isFalse();
        assertThat(registry.find(project, agent.id())).contains(agent.withSettings(debug));
        assertThat(registry.passwordHash(project, agent.id())).contains(new PasswordHash("h"));
        assertThat(registry.updateSettings(project, newAgent(), agent.settings(), debug)).isFalse();
        assertThat(registry.updateSettings(newProject(), agent.id(), debug, agent.settings())).isFalse();
    }

    @Test
    void anEncryptedVault_isKept_andPartOfTheCompareAndSet() {
        RegisteredAgent agent = agent(1);
        registry.add(agent, new PasswordHash("h"));
        AgentSettings encrypted = agent.settings().withVaultEncrypted();

        assertThat(registry.updateSettings(project, agent.id(), agent.settings(), encrypted)).isTrue();
        assertThat(registry.find(project, agent.id()).orElseThrow().settings().vaultEncrypted()).isTrue();
        assertThat(registry.updateSettings(project, agent.id(), agent.settings(), agent.settings()))
                .as("the old settings, unencrypted, are stale").isFalse();
        RegisteredAgent born = agent(2).withSettings(agent(2).settings().withVaultEncrypted());
        registry.add(born, new PasswordHash("h"));
        assertThat(registry.find(project, born.id())).contains(born);
    }

    @Test
    void replacePasswordHash_comparesAndSets_andKeepsTheAgent() {
        RegisteredAgent agent = agent(1);
        PasswordHash old = new PasswordHash("pbkdf2-sha512$1000$c2FsdA$aGFzaA");
        PasswordHash fast = new PasswordHash("sha256$" + "ab".repeat(32));
        registry.add(agent, old);

        assertThat(registry.replacePasswordHash(project, agent.id(), old, fast)).isTrue();
        assertThat(registry.replacePasswordHash(project, agent.id(), old, new PasswordHash("stale"))).isFalse();
        assertThat(registry.passwordHash(project, agent.id())).contains(fast);
        assertThat(registry.find(project, agent.id())).contains(agent);
        assertThat(registry.replacePasswordHash(project, newAgent(), fast, old)).isFalse();
        assertThat(registry.replacePasswordHash(newProject(), agent.id(), fast, old)).isFalse();
    }
}
