package io.agentevents.application.memory;

import io.agentevents.application.port.out.TokenHash;
import io.agentevents.application.port.out.UserTokens;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.UserCaller;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The user tokens of the deployment, fixed at start-up (from the tokens file). */
public class InMemoryUserTokens implements UserTokens {

    private final Map<TokenHash, UserCaller> tokens;
    private final Set<ProjectId> projects;

    public InMemoryUserTokens(Map<TokenHash, UserCaller> tokens) {
        this.tokens = Map.copyOf(tokens);
        this.projects = tokens.values().stream().map(UserCaller::project).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Optional<UserCaller> find(TokenHash token) {
        return Optional.ofNullable(tokens.get(token));
    }

    @Override
    public boolean hasProject(ProjectId project) {
        return projects.contains(project);
    }
}
