package io.agentevents.application.memory;

import io.agentevents.application.port.out.access.TokenHash;
import io.agentevents.application.port.out.access.UserTokens;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.UserCaller;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The user tokens of the deployment, fixed at start-up (from the tokens file). Beside an identity
 * service every project may have users, so every project is served.
 */
public class InMemoryUserTokens implements UserTokens {

    private final Map<TokenHash, UserCaller> tokens;
    private final Set<ProjectId> projects;
    private final boolean everyProject;

    /** Serving exactly the projects the tokens name. */
    public InMemoryUserTokens(Map<TokenHash, UserCaller> tokens) {
        this(tokens, false);
    }

    private InMemoryUserTokens(Map<TokenHash, UserCaller> tokens, boolean everyProject) {
        this.tokens = Map.copyOf(tokens);
        this.projects = tokens.values().stream().map(UserCaller::project).collect(Collectors.toUnmodifiableSet());
        this.everyProject = everyProject;
    }

    /** Beside an identity service, whose projects are not known in advance. */
    public static InMemoryUserTokens servingEveryProject(Map<TokenHash, UserCaller> tokens) {
        return new InMemoryUserTokens(tokens, true);
    }

    @Override
    public Optional<UserCaller> find(TokenHash token) {
        return Optional.ofNullable(tokens.get(token));
    }

    @Override
    public boolean hasProject(ProjectId project) {
        return everyProject || projects.contains(project);
    }
}
