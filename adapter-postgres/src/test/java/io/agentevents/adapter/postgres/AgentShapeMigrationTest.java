package io.agentevents.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.agent.AgentSettings;
import io.agentevents.domain.agent.Flavor;
import io.agentevents.domain.agent.LogLevel;
import io.agentevents.domain.OperatingSystem;
import io.agentevents.domain.agent.RegisteredAgent;
import io.agentevents.domain.event.AgentRegistered;
import io.agentevents.domain.event.AgentStartedUp;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A database from before agents had the documented shape: migrating it keeps its agents, events and ids. */
class AgentShapeMigrationTest {

    private static final AgentId OLD_AGENT = new AgentId(UUID.fromString("8f135b4f-7a69-4b8a-947f-5e80d772fd97"));
    private static final ProjectId PROJECT = new ProjectId("old-project");
    private static String schema;

    @BeforeAll
    static void createSchemaAtVersion3() {
        schema = TestDatabase.newSchema(AgentShapeMigrationTest.class);
        Flyway.configure().dataSource(TestDatabase.URL, null, null).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").target("3").load().migrate();
        Jdbi.create(TestDatabase.URL).useHandle(handle -> {
            handle.execute("SET search_path TO " + schema);
            handle.execute("""
                    INSERT INTO agents (project_id, agent_id, name, version, host_name, host_os, host_fingerprint,
                                        password_hash, registered_at)
                    VALUES ('old-project', '8f135b4f-7a69-4b8a-947f-5e80d772fd97', 'web-1', '2.1', 'web-1.example.com',
                            'linux', 'fp-web-1', 'h', '2026-01-01T12:00:00Z')""");
            handle.execute("""
                    INSERT INTO events (project_id, id, type, at, agent_id, agent_name, host_os, request_id)
                    VALUES ('old-project', 7, 'agent_registered', '2026-01-01T12:00:00Z',
                            '8f135b4f-7a69-4b8a-947f-5e80d772fd97', 'web-1', 'linux', gen_random_uuid())""");
            handle.execute("INSERT INTO event_counters (project_id, last_id) VALUES ('old-project', 7)");
        });
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    @Test
    void migration_keepsOldAgentsAndEvents_andMovesTheirIdsUp() {
        long before = EventLog.firstIdAt(Instant.now());
        try (PostgresStore store = PostgresStore.open(TestDatabase.settings(schema))) {
            RegisteredAgent agent = new PostgresAgentRegistry(store).find(PROJECT, OLD_AGENT).orElseThrow();
            PostgresEventLog log = new PostgresEventLog(store, Clock.systemUTC());

            assertThat(agent.name()).isEqualTo("web-1");
            assertThat(agent.host().machineId()).isEqualTo("web-1.example.com");
            assertThat(agent.host().os()).isEqualTo(new OperatingSystem("linux", "unknown", "unknown"));
            assertThat(agent.host().flavor()).isEqualTo(Flavor.NOVA);
            assertThat(agent.host().fingerprint()).isEqualTo("fp-web-1");
            assertThat(agent.host().addresses()).isEmpty();
            assertThat(agent.publicKey()).isEmpty();
            assertThat(agent.settings()).isEqualTo(new AgentSettings(true, LogLevel.INFO, true));
            var events = log.page(PROJECT, new EventPageRequest(Optional.empty(), 10, SortDirection.ASC)).events();
            assertThat(events).hasSize(1);
            assertThat(((AgentRegistered) events.get(0).event()).os()).isEqualTo(new OperatingSystem("linux", "unknown", "unknown"));
            long next = log.append(PROJECT, List.of(new NewEvent(new AgentStartedUp(OLD_AGENT, Instant.now()),
                    TestSessions.newRequest()))).get(0).id().value();
            assertThat(next).as("ids continue above the microseconds of the migration").isGreaterThan(before);
        }
    }
}
