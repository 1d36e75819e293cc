package io.agentevents.adapter.postgres.settings;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach PostgreSQL.
 *
 * @param jdbcUrl           e.g. {@code jdbc:postgresql://db:5432/agent_events}; may carry credentials
 * @param user              when not in the URL
 * @param password          when not in the URL; never logged
 * @param schema            the schema to use (created by the migrations if missing); empty for the default
 * @param poolSize          connections in the pool
 * @param connectionTimeout how long a request waits for a connection before the store counts as unreachable
 */
public record PostgresSettings(String jdbcUrl, Optional<String> user, Optional<String> password,
                               Optional<String> schema, int poolSize, Duration connectionTimeout) {

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofMillis(1_500);

    public PostgresSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl must not be null");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        Objects.requireNonNull(user, "user must not be null");
        Objects.requireNonNull(password, "password must not be null");
        Objects.requireNonNull(schema, "schema must not be null");
        schema.ifPresent(name -> {
            if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("schema must be a lowercase SQL identifier");
            }
        });
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250ms (HikariCP's floor)");
        }
    }

    public static PostgresSettings of(String jdbcUrl) {
        return new PostgresSettings(jdbcUrl, Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_POOL_SIZE,
                DEFAULT_CONNECTION_TIMEOUT);
    }

    public PostgresSettings withSchema(String name) {
        return new PostgresSettings(jdbcUrl, user, password, Optional.of(name), poolSize, connectionTimeout);
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + jdbcUrl.replaceAll("password=[^&]*", "password=***") + ", schema="
                + schema.orElse("(default)") + ", poolSize=" + poolSize + "]";
    }
}
