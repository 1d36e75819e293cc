package io.agentevents.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.agentevents.application.port.out.StoreUnavailableException;
import io.agentevents.application.port.out.Transactions;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL store: a HikariCP pool, the schema migrated by Flyway at start-up, and Jdbi on
 * top. It is also the {@link Transactions} of every Postgres port: Jdbi hands nested calls on one
 * thread the same handle, so stores used inside {@link #inTransaction} join its transaction.
 */
public final class PostgresStore implements Transactions, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private PostgresStore(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Connects, migrates the schema and returns the store.
     *
     * @throws StoreUnavailableException if the database cannot be reached or migrated
     */
    public static PostgresStore open(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        settings.schema().ifPresent(config::setSchema);
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(1_000, settings.connectionTimeout().toMillis()));
        config.setPoolName("agent-events");
        // A dead database must fail requests quickly (503), not hang them: bound socket waits too.
        config.addDataSourceProperty("connectTimeout", Math.max(1, settings.connectionTimeout().toSeconds()));
        config.addDataSourceProperty("socketTimeout", 30);
        config.addDataSourceProperty("tcpKeepAlive", true);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException unreachable) {
            throw new StoreUnavailableException("cannot connect to PostgreSQL: " + unreachable.getMessage(), unreachable);
        }
        try {
            var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
            settings.schema().ifPresent(schema -> flyway.schemas(schema).defaultSchema(schema).createSchemas(true));
            var result = flyway.load().migrate();
            LOG.info("PostgreSQL schema {} is at version {} ({} migrations applied now)",
                    settings.schema().orElse("(default)"), result.targetSchemaVersion, result.migrationsExecuted);
        } catch (RuntimeException failed) {
            dataSource.close();
            throw new StoreUnavailableException("cannot migrate the PostgreSQL schema: " + failed.getMessage(), failed);
        }
        return new PostgresStore(dataSource);
    }

    Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return jdbi.inTransaction(handle -> work.get());
        } catch (JdbiException failed) {
            throw PostgresFailures.translate(failed);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
