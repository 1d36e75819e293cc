package io.agentevents.adapter.postgres;

import io.agentevents.adapter.postgres.row.ActivationColumns;
import io.agentevents.application.port.out.ProjectActivations;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.ActivationScope;
import java.util.Optional;

/**
 * Project activations in {@code project_activations}, one row per project. Written through the
 * store's one writer ({@link GroupWrites}), whose statement keeps the newer activation.
 */
public class PostgresProjectActivations implements ProjectActivations {

    private final PostgresStore store;

    public PostgresProjectActivations(PostgresStore store) {
        this.store = store;
    }

    @Override
    public void save(ProjectId project, Activation activation) {
        store.writing((handle, writes) -> {
            writes.saveProjectActivation(project, activation);
            return null;
        });
    }

    @Override
    public Optional<Activation> find(ProjectId project) {
        return store.call(handle -> handle.createQuery(
                        "SELECT mode, at, expires_at, request_id FROM project_activations WHERE project_id = :project")
                .bind("project", project.value())
                .map((row, context) -> ActivationColumns.read(row, "", ActivationScope.wholeProject()).orElseThrow())
                .findOne());
    }
}
