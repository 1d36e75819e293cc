package io.agentevents.application.port.out;

import static io.agentevents.domain.TestSessions.T0;
import static io.agentevents.domain.TestSessions.newAgent;
import static io.agentevents.domain.TestSessions.newProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.domain.ProjectId;
import io.agentevents.domain.agent.AgentHost;
import io.agentevents.domain.agent.RegisteredAgent;
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
        return new RegisteredAgent(project, newAgent(), "web-" + secondsAfterT0, "1.0." + secondsAfterT0,
                new AgentHost("web.example.com", "linux", "fp-" + secondsAfterT0), T0.plusSeconds(secondsAfterT0).plusNanos(123_000));
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
}
