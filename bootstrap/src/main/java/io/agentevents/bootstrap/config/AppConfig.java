package io.agentevents.bootstrap.config;

import io.agentevents.adapter.postgres.settings.PostgresSettings;
import io.agentevents.application.service.presence.PresenceEvents;
import io.agentevents.domain.activation.Schedules;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the service is started with.
 *
 * @param port              the HTTP port; 0 picks a free one
 * @param userTokens        who may use the API (from the tokens file, or the generated demo token)
 * @param activationTtl     how long an {@code active} or {@code real_time} activation lasts
 * @param eventRetention    how long events are kept at least
 * @param agentTokenLifetime how long an agent token is valid
 * @param database          the PostgreSQL store; empty for the in-memory store
 * @param server            TLS, request budget and log format
 * @param identity          the identity service beside the tokens file, if any
 * @param requests          requests made of agents: how long they wait, how large a browse's
 *                          answer may be, where log files go
 * @param presenceEvents    whether presence flips become events, and their hold-down
 */
public record AppConfig(int port, List<UserToken> userTokens, Duration activationTtl, Duration eventRetention,
                        Duration agentTokenLifetime, Optional<PostgresSettings> database,
                        ServerSettings server, IdentitySettings identity, RequestSettings requests,
                        PresenceEvents presenceEvents) {

    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofMinutes(5);
    public static final Duration DEFAULT_AGENT_TOKEN_LIFETIME = Duration.ofHours(24);

    public AppConfig {
        if (port < 0 || port > 65_535) {
            throw new ConfigException("port must be between 0 and 65535, was " + port);
        }
        userTokens = List.copyOf(userTokens);
        Objects.requireNonNull(activationTtl, "activationTtl must not be null");
        Objects.requireNonNull(eventRetention, "eventRetention must not be null");
        Objects.requireNonNull(agentTokenLifetime, "agentTokenLifetime must not be null");
        Objects.requireNonNull(database, "database must not be null");
        Objects.requireNonNull(server, "server must not be null");
        Objects.requireNonNull(identity, "identity must not be null");
        Objects.requireNonNull(requests, "requests must not be null");
        Objects.requireNonNull(presenceEvents, "presenceEvents must not be null");
    }

    /** The in-memory configuration tests and embedders start from. */
    public static AppConfig inMemory(int port, List<UserToken> userTokens) {
        return new AppConfig(port, userTokens, Schedules.DEFAULT_ACTIVATION_LIFETIME, DEFAULT_EVENT_RETENTION,
                DEFAULT_AGENT_TOKEN_LIFETIME, Optional.empty(),
                ServerSettings.defaults(), IdentitySettings.none(), RequestSettings.defaults(), PresenceEvents.off());
    }

    public Schedules schedules() {
        return Schedules.defaults().withActivationLifetime(activationTtl);
    }

    public AppConfig withUserTokens(List<UserToken> tokens) {
        return new AppConfig(port, tokens, activationTtl, eventRetention, agentTokenLifetime, database, server, identity,
                requests, presenceEvents);
    }

    public AppConfig withPort(int newPort) {
        return new AppConfig(newPort, userTokens, activationTtl, eventRetention, agentTokenLifetime,
                database, server, identity, requests, presenceEvents);
    }

    public AppConfig withDatabase(PostgresSettings settings) {
        return new AppConfig(port, userTokens, activationTtl, eventRetention, agentTokenLifetime,
                Optional.of(settings), server, identity, requests, presenceEvents);
    }

    public AppConfig withServer(ServerSettings settings) {
        return new AppConfig(port, userTokens, activationTtl, eventRetention, agentTokenLifetime,
                database, settings, identity, requests, presenceEvents);
    }

    public AppConfig withIdentity(IdentitySettings settings) {
        return new AppConfig(port, userTokens, activationTtl, eventRetention, agentTokenLifetime,
                database, server, settings, requests, presenceEvents);
    }

    public AppConfig withPresenceEvents(PresenceEvents settings) {
        return new AppConfig(port, userTokens, activationTtl, eventRetention, agentTokenLifetime,
                database, server, identity, requests, settings);
    }

    public AppConfig withRequests(RequestSettings settings) {
        return new AppConfig(port, userTokens, activationTtl, eventRetention, agentTokenLifetime,
                database, server, identity, settings, presenceEvents);
    }
}
