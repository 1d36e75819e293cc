package io.agentevents.application.service;

import io.agentevents.application.port.in.AgentDisabledException;
import io.agentevents.application.port.in.AgentToken;
import io.agentevents.application.port.in.AuthenticateAgentCommand;
import io.agentevents.application.port.in.AuthenticateAgentUseCase;
import io.agentevents.application.port.in.FingerprintMismatchException;
import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.ProjectNotFoundException;
import io.agentevents.application.port.in.Secret;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.AgentTokens;
import io.agentevents.application.port.out.PasswordHash;
import io.agentevents.application.port.out.Secrets;
import io.agentevents.application.port.out.UserTokens;
import io.agentevents.domain.agent.RegisteredAgent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

public class AuthenticateAgentService implements AuthenticateAgentUseCase {

    private final UserTokens userTokens;
    private final AgentRegistry registry;
    private final AgentTokens agentTokens;
    private final Secrets secrets;
    private final SecretHashing hashing;
    private final Duration tokenLifetime;
    private final Clock clock;

    public AuthenticateAgentService(UserTokens userTokens, AgentRegistry registry, AgentTokens agentTokens,
                                    Secrets secrets, SecretHashing hashing, Duration tokenLifetime, Clock clock) {
        this.userTokens = userTokens;
        this.registry = registry;
        this.agentTokens = agentTokens;
        this.secrets = secrets;
        this.hashing = hashing;
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
    }

    @Override
    public AgentToken authenticate(AuthenticateAgentCommand command) {
        if (!userTokens.hasProject(command.project())) {
            throw new ProjectNotFoundException(command.project());
        }
        // An unknown agent and a wrong password answer alike, so guessing ids tells nothing.
        RegisteredAgent agent = registry.find(command.project(), command.agent()).orElseThrow(AuthenticateAgentService::rejected);
        PasswordHash stored = registry.passwordHash(command.project(), command.agent())
                .orElseThrow(AuthenticateAgentService::rejected);
        if (!hashing.verifyPassword(command.password(), stored)) {
            throw rejected();
        }
        // Checked only after the password, so neither says anything to a guesser.
        if (!SecretHashing.sameText(agent.host().fingerprint(), command.hostFingerprint())) {
            throw new FingerprintMismatchException(command.agent());
        }
        if (!agent.settings().enabled()) {
            throw new AgentDisabledException(command.agent());
        }
        Instant expiresAt = clock.instant().plus(tokenLifetime);
        Secret token = new Secret(secrets.next());
        agentTokens.save(SecretHashing.hashToken(token),
                new AgentTokens.AgentGrant(command.project(), command.agent(), expiresAt));
        return new AgentToken(token, expiresAt);
    }

    private static NotAuthenticatedException rejected() {
        return new NotAuthenticatedException("wrong agent id or password");
    }
}
