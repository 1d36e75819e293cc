package io.agentevents.application.service.access;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.access.UserCaller;

/** The role rules of the API, in one place: who may do what in which project. */
public final class Access {

    private Access() {
    }

    /** Any user of the project: admin, creator or observer. Not agents. */
    public static void requireReader(Caller caller, ProjectId project) {
        requireUser(caller, project);
    }

    /** Admin or creator of the project. */
    public static void requireWriter(Caller caller, ProjectId project) {
        if (!requireUser(caller, project).role().mayWrite()) {
            throw new AccessDeniedException("role observer may only read");
        }
    }

    /** Admin of the project. */
    public static void requireAdmin(Caller caller, ProjectId project) {
        if (!requireUser(caller, project).role().mayDelete()) {
            throw new AccessDeniedException("only an admin may do this");
        }
    }

    /** The agent itself, with its own token. */
    public static AgentCaller requireAgentItself(Caller caller, ProjectId project, AgentId agent) {
        requireProject(caller, project);
        if (caller instanceof AgentCaller agentCaller && agentCaller.agent().equals(agent)) {
            return agentCaller;
        }
        throw new AccessDeniedException("only agent " + agent + " itself may do this, with its own token");
    }

    /** Any user of the project, or the agent itself. */
    public static void requireReaderOrAgentItself(Caller caller, ProjectId project, AgentId agent) {
        requireProject(caller, project);
        if (caller instanceof AgentCaller agentCaller && !agentCaller.agent().equals(agent)) {
            throw new AccessDeniedException("an agent token may only be used for its own agent");
        }
    }

    private static UserCaller requireUser(Caller caller, ProjectId project) {
        requireProject(caller, project);
        if (caller instanceof UserCaller user) {
            return user;
        }
        throw new AccessDeniedException("an agent token may not do this; use a user token");
    }

    private static void requireProject(Caller caller, ProjectId project) {
        if (!caller.project().equals(project)) {
            throw new AccessDeniedException("the token is not valid for project " + project);
        }
    }
}
