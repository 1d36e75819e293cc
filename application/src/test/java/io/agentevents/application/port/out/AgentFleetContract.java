package io.agentevents.application.port.out;

import static io.agentevents.domain.TestSessions.T0;
import static io.agentevents.domain.TestSessions.agentActivation;
import static io.agentevents.domain.TestSessions.newProject;
import static io.agentevents.domain.TestSessions.projectActivation;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.out.AgentFleet.Member;
import io.agentevents.application.port.out.access.PasswordHash;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestAgents;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.agent.RegisteredAgent;
import io.agentevents.domain.session.AgentSession;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every promise of {@link AgentFleet}, on the registry, sessions and activations of the same store. */
public abstract class AgentFleetContract {

    private final Schedules schedules = Schedules.defaults();
    private ProjectId project;

    /** The store's parts, all on one store: the fleet reads what the others wrote. */
    public record Store(AgentFleet fleet, AgentRegistry registry, AgentSessionRepository sessions,
                           ProjectActivations projectActivations) {
    }

    protected abstract Store store();

    private Store store;

    @BeforeEach
    void setUpStore() {
        store = store();
        project = newProject();
    }

    private RegisteredAgent registered(int secondsAfterT0, boolean withSession) {
        RegisteredAgent agent = TestAgents.agent(project, "web-" + secondsAfterT0, T0.plusSeconds(secondsAfterT0));
        store.registry().add(agent, new PasswordHash("h"));
        if (withSession) {
            store.sessions().insert(AgentSession.start(project, agent.id()));
        }
        return agent;
    }

    @Test
    void list_givesEveryAgentOldestFirst_withItsSessionAndTheProjectsActivation() {
        RegisteredAgent later = registered(20, true);
        RegisteredAgent earlier = registered(10, true);
        RegisteredAgent unsessioned = registered(30, false);
        registered(5, true);
        store.sessions().update(project, later.id(), covered -> covered.session()
                .activate(agentActivation(later.id(), Mode.REAL_TIME, T0.plusSeconds(40))));
        store.sessions().update(project, earlier.id(), covered -> covered.session()
                .recordCheckIn(T0.plusSeconds(41), covered.projectActivation(), schedules));
        Activation wholeProject = projectActivation(Mode.ACTIVE, T0.plusSeconds(42));
        store.projectActivations().save(project, wholeProject);

        List<Member> members = store.fleet().list(project);

        assertThat(members).extracting(member -> member.agent().name()).containsExactly("web-5", "web-10", "web-20", "web-30");
        assertThat(members.get(1).agent()).isEqualTo(earlier);
        assertThat(members.get(1).session()).hasValueSatisfying(covered -> {
            assertThat(covered.session()).isEqualTo(store.sessions().find(project, earlier.id()).orElseThrow().session());
            assertThat(covered.session().lastCheckInAt()).contains(T0.plusSeconds(41));
            assertThat(covered.projectActivation()).contains(wholeProject);
        });
        assertThat(members.get(2).session().orElseThrow().session().agentActivation().orElseThrow().mode())
                .isEqualTo(Mode.REAL_TIME);
        assertThat(members.get(3).agent()).isEqualTo(unsessioned);
        assertThat(members.get(3).session()).isEmpty();
    }

    @Test
    void list_ofAnUnknownProject_isEmpty_andOtherProjectsAreNotListed() {
        registered(1, true);

        assertThat(store.fleet().list(newProject())).isEmpty();
        assertThat(store.fleet().list(project)).hasSize(1);
        assertThat(store.fleet().list(project).get(0).session().orElseThrow().projectActivation()).isEqualTo(Optional.empty());
    }
}
