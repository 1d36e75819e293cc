package io.agentevents.bootstrap;

import io.agentevents.adapter.postgres.GroupCommitTransactions;
import io.agentevents.adapter.postgres.PostgresAgentFleet;
import io.agentevents.adapter.postgres.PostgresAnnouncedPresence;
import io.agentevents.adapter.postgres.PostgresAgentRegistry;
import io.agentevents.adapter.postgres.PostgresAgentRequests;
import io.agentevents.adapter.postgres.PostgresLogfiles;
import io.agentevents.adapter.postgres.PostgresAgentSessionRepository;
import io.agentevents.adapter.postgres.PostgresAgentTokens;
import io.agentevents.adapter.postgres.PostgresEventLog;
import io.agentevents.adapter.postgres.PostgresEventSignals;
import io.agentevents.adapter.postgres.PostgresIdempotencyRecords;
import io.agentevents.adapter.postgres.PostgresProjectActivations;
import io.agentevents.adapter.postgres.settings.PostgresSettings;
import io.agentevents.adapter.postgres.PostgresStore;
import io.agentevents.application.memory.InMemoryAgentFleet;
import io.agentevents.application.memory.InMemoryAnnouncedPresence;
import io.agentevents.application.memory.InMemoryAgentRegistry;
import io.agentevents.application.memory.InMemoryAgentRequests;
import io.agentevents.application.memory.InMemoryLogfiles;
import io.agentevents.application.memory.InMemoryAgentSessionRepository;
import io.agentevents.application.memory.InMemoryAgentTokens;
import io.agentevents.application.memory.InMemoryEventSignals;
import io.agentevents.application.memory.InMemoryIdempotencyRecords;
import io.agentevents.application.memory.InMemoryProjectActivations;
import io.agentevents.application.memory.InMemoryTransactions;
import io.agentevents.application.memory.log.InMemoryEventLog;
import io.agentevents.application.port.out.AgentFleet;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.AgentRequests;
import io.agentevents.application.port.out.Logfiles;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.EventSignals;
import io.agentevents.application.port.out.IdempotencyRecords;
import io.agentevents.application.port.out.ProjectActivations;
import io.agentevents.application.port.out.StoreProbe;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.application.port.out.access.AgentTokens;
import io.agentevents.application.port.out.presence.AnnouncedPresence;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The store behind the ports: in memory (the embedded default) or PostgreSQL.
 *
 * @param mayBlock       whether its calls may wait on I/O (then they must stay off the event loop)
 * @param probe          answers whether the store is reachable (readiness)
 * @param publishMetrics adds the store's own meters (the connection pool's) to a registry
 */
record Stores(String description, boolean mayBlock, EventLog eventLog, EventSignals signals, AgentSessionRepository sessions,
              ProjectActivations projectActivations, AgentRegistry registry, AgentFleet fleet, AgentTokens agentTokens,
              IdempotencyRecords idempotencyRecords,
              AgentRequests agentRequests, Logfiles logfiles, AnnouncedPresence announcedPresence,
              Transactions transactions, StoreProbe probe,
              Consumer<MeterRegistry> publishMetrics, AutoCloseable resources) {

    /** @param clock read for the first event id of each project */
    static Stores inMemory(Clock clock) {
        InMemoryEventSignals signals = new InMemoryEventSignals();
        InMemoryProjectActivations projectActivations = new InMemoryProjectActivations();
        InMemoryAgentSessionRepository sessions = new InMemoryAgentSessionRepository(projectActivations);
        InMemoryAgentRegistry registry = new InMemoryAgentRegistry();
        return new Stores("in-memory store", false, new InMemoryEventLog(signals, clock), signals,
                sessions, projectActivations, registry, new InMemoryAgentFleet(registry, sessions), new InMemoryAgentTokens(),
                new InMemoryIdempotencyRecords(), new InMemoryAgentRequests(), new InMemoryLogfiles(),
                new InMemoryAnnouncedPresence(sessions),
                new InMemoryTransactions(signals), () -> { }, meters -> { }, () -> { });
    }

    /** Connects and migrates the schema; fails if the database cannot be reached. */
    static Stores postgres(PostgresSettings settings, Clock clock) {
        PostgresStore store = PostgresStore.open(settings);
        PostgresEventSignals signals = new PostgresEventSignals(store);
        GroupCommitTransactions transactions = new GroupCommitTransactions(store);
        return new Stores("PostgreSQL store " + settings, true, new PostgresEventLog(store, clock), signals,
                new PostgresAgentSessionRepository(store), new PostgresProjectActivations(store),
                new PostgresAgentRegistry(store), new PostgresAgentFleet(store), new PostgresAgentTokens(store),
                new PostgresIdempotencyRecords(store), new PostgresAgentRequests(store), new PostgresLogfiles(store),
                new PostgresAnnouncedPresence(store),
                transactions, store, store::publishPoolMetrics, () -> {
                    signals.close();
                    transactions.close();
                    store.close();
                });
    }
}
