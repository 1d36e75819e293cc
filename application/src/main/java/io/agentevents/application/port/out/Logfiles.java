package io.agentevents.application.port.out;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.request.Logfile;
import io.agentevents.domain.request.LogfileState;
import java.util.List;
import java.util.Optional;

/** The log files clients asked agents to upload, each until it is deleted or its agent is. */
public interface Logfiles {

    /**
     * @throws IllegalStateException if a log file of that id is kept already
     * @throws StoreUnavailableException if the store cannot be reached
     */
    void add(Logfile logfile);

    /**
     * @return the agent's log files, oldest first (by date, then id); empty if it has none
     * @throws StoreUnavailableException if the store cannot be reached
     */
    List<Logfile> list(ProjectId project, AgentId agent);

    /**
     * @return empty if the agent has no such log file
     * @throws StoreUnavailableException if the store cannot be reached
     */
    Optional<Logfile> find(ProjectId project, AgentId agent, RequestId logfile);

    /**
     * Moves the log file to {@code next} if it is still in {@code expected} (compare and set), so
     * that of two reports at once only one moves it.
     *
     * @return whether it moved; false if it is gone or another report moved it first
     * @throws StoreUnavailableException if the store cannot be reached
     */
    boolean advance(ProjectId project, AgentId agent, RequestId logfile, LogfileState expected, LogfileState next);

    /**
     * @return whether there was such a log file
     * @throws StoreUnavailableException if the store cannot be reached
     */
    boolean remove(ProjectId project, AgentId agent, RequestId logfile);

    /**
     * Drops every log file of the agent (it was deleted).
     *
     * @throws StoreUnavailableException if the store cannot be reached
     */
    void removeAll(ProjectId project, AgentId agent);
}
