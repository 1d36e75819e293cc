package io.agentevents.adapter.postgres.failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride;
import io.agentevents.application.port.out.StoreUnavailableException;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/** A write refused by a server that is (now) a standby: the connection goes, and the request gets a 503. */
class ReadOnlyServerTest {

    private final SQLException readOnly = new SQLException("cannot execute INSERT in a read-only transaction", "25006");

    @Test
    void aReadOnlyConnection_isEvictedFromThePool_othersAreLeftToTheDefaultRules() {
        EvictReadOnlyConnections override = new EvictReadOnlyConnections();

        assertThat(override.adjudicate(readOnly)).isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(override.adjudicate(new SQLException("wrapped", "XX000", readOnly)))
                .isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(override.adjudicate(new SQLException("duplicate key", "23505")))
                .isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
    }

    @Test
    void aReadOnlyServer_isTheStoreBeingUnavailable_notABug() {
        RuntimeException translated = PostgresFailures.translate(new UnableToExecuteStatementException(readOnly, null));

        assertThat(translated).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("read-only");
        assertThat(PostgresFailures.translate(new UnableToExecuteStatementException(
                new SQLException("syntax error", "42601"), null))).isNotInstanceOf(StoreUnavailableException.class);
    }
}
