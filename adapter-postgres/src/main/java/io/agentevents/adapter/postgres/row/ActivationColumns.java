package io.agentevents.adapter.postgres.row;

import io.agentevents.domain.RequestId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.ActivationScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Reads an activation stored as mode, at, expires_at and request_id columns under a prefix. */
public final class ActivationColumns {

    private ActivationColumns() {
    }

    /** @return empty when the mode column is NULL (no activation) */
    public static Optional<Activation> read(ResultSet row, String prefix, ActivationScope scope) throws SQLException {
        String mode = row.getString(prefix + "mode");
        if (mode == null) {
            return Optional.empty();
        }
        return Optional.of(new Activation(scope, Columns.mode(mode), Columns.instant(row, prefix + "at").orElseThrow(),
                Columns.instant(row, prefix + "expires_at"),
                new RequestId(row.getObject(prefix + "request_id", UUID.class))));
    }
}
