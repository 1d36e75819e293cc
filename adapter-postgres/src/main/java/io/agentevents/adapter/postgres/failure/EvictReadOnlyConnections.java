package io.agentevents.adapter.postgres.failure;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * A connection to a server that became read-only (a demoted primary now following another) is
 * good for nothing to this node, though the pool would keep it: HikariCP drops connections only
 * for connection errors. Dropping it makes the next checkout look for the primary again (the
 * driver's {@code targetServerType=primary}) instead of failing every write on it.
 */
public final class EvictReadOnlyConnections implements SQLExceptionOverride {

    /** {@code read_only_sql_transaction}: a write was sent to a server in recovery or set read-only. */
    public static final String READ_ONLY = "25006";

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && READ_ONLY.equals(sql.getSQLState())) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
