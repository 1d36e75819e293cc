package io.agentevents.adapter.postgres;

import static io.agentevents.domain.TestSessions.T0;
import static io.agentevents.domain.TestSessions.projectActivation;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.AgentSessionRepositoryContract;
import io.agentevents.application.port.out.ProjectActivations;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresAgentSessionRepositoryTest extends AgentSessionRepositoryContract {

    private static SchemaStore database;

    @BeforeAll
    static void openDatabase() {
        database = new SchemaStore(PostgresAgentSessionRepositoryTest.class);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected AgentSessionRepository repository() {
        return new PostgresAgentSessionRepository(database.store());
    }

    @Override
    protected ProjectActivations projectActivations() {
        return new PostgresProjectActivations(database.store());
    }

    /** One statement writes a commit group's activations: it keeps each project's newest, the later written of one instant. */
    @Test
    void projectActivations_ofOneCommitGroup_keepTheNewest_andOfOneInstantTheLaterWritten() {
        PostgresStore store = database.store();
        ProjectActivations activations = projectActivations();
        ProjectId project = TestSessions.newProject();
        Activation writtenLaterAtTheSameInstant = projectActivation(Mode.ACTIVE, T0.plusSeconds(10));
        GroupWrites group = new GroupWrites();

        store.inTransactionOnHandle(handle -> store.holdingWrites(group, () -> {
            activations.save(project, projectActivation(Mode.IDLE, T0));
            activations.save(project, projectActivation(Mode.REAL_TIME, T0.plusSeconds(10)));
            activations.save(project, writtenLaterAtTheSameInstant);
            activations.save(project, projectActivation(Mode.IDLE, T0.plusSeconds(5)));
            group.flush(handle);
            return null;
        }));

        assertThat(activations.find(project)).contains(writtenLaterAtTheSameInstant);
    }
}
