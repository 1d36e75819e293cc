package io.agentevents.adapter.postgres.failure;

import io.agentevents.application.port.out.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.JdbiException;

/** Turns driver failures into what the ports promise: no {@link SQLException} crosses a port. */
public final class PostgresFailures {

    private PostgresFailures() {
    }

    /**
     * A lost or refused connection (SQLSTATE class 08, 57P0x shutdowns, a pool timeout) or a
     * read-only server (25006, a demoted primary) means the
     * store is unavailable; anything else is a bug in our SQL and stays an error.
     */
    public static RuntimeException translate(JdbiException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return new StoreUnavailableException("PostgreSQL is unreachable", failure);
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return new StoreUnavailableException("PostgreSQL is unreachable", failure);
            }
            if (cause instanceof SQLException sql && EvictReadOnlyConnections.READ_ONLY.equals(sql.getSQLState())) {
                // A demoted primary: its connection is dropped (EvictReadOnlyConnections), the next finds the new one.
                return new StoreUnavailableException("PostgreSQL is read-only here (a standby); looking for the primary",
                        failure);
            }
        }
        return failure;
    }
}
