package io.agentevents.domain.request;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.AnswerRefusedException;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import java.time.Instant;
import java.util.Objects;

/**
 * A log file a client asked an agent to upload, and how far the upload is. It stays until a
 * client deletes it (or its agent is deleted).
 *
 * @param project its agent's project
 * @param agent   the agent uploading it
 * @param id      the id of the request that asked for it, which is the log file's id
 * @param date    when it was asked for, which names the uploaded file
 * @param state   how far the upload is
 */
public record Logfile(ProjectId project, AgentId agent, RequestId id, Instant date, LogfileState state) {

    public Logfile {
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(date, "date must not be null");
        Objects.requireNonNull(state, "state must not be null");
    }

    /** A log file just asked for. */
    public static Logfile requested(ProjectId project, AgentId agent, RequestId id, Instant at) {
        return new Logfile(project, agent, id, at, LogfileState.REQUESTED);
    }

    /** The event that asks the agent to upload it. */
    public AgentRequested requestedEvent() {
        return new AgentRequested(agent, id, new RequestedWork.UploadLogfile(date), date);
    }

    /**
     * The agent's report that the upload moved on to {@code next}.
     *
     * @throws AnswerRefusedException unless {@code next} comes after the current state
     */
    public LogfileProgressed progressedTo(LogfileState next, Instant at) {
        if (!state.precedes(next)) {
            throw new AnswerRefusedException("log file " + id + " is " + name(state) + "; it cannot become " + name(next));
        }
        return new LogfileProgressed(agent, id, next, at);
    }

    public Logfile withState(LogfileState next) {
        return new Logfile(project, agent, id, date, next);
    }

    private static String name(LogfileState state) {
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }
}
