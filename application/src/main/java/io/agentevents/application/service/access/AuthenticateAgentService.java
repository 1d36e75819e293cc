package io.agentevents.application.service.access;

import io.agentevents.application.port.in.AgentDisabledException;
import io.agentevents.application.port.in.FingerprintMismatchException;
import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.ProjectNotFoundException;
import io.agentevents.application.port.in.access.AgentToken;
import io.agentevents.application.port.in.access.AuthenticateAgentCommand;
import io.agentevents.application.port.in.access.AuthenticateAgentUseCase;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.access.AgentTokens;
import io.agentevents.application.port.out.access.PasswordHash;
import io.agentevents.application.port.out.access.Secrets;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.access.UserTokens;
import io.agentevents.application.service.access.SecretHashing.PasswordCheck;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.agent.RegisteredAgent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

public class AuthenticateAgentService implements AuthenticateAgentUseCase {

    /** Enough for every agent a node serves, and every address that failed lately. */
    private static final int MAX_THROTTLED_KEYS = 100_000;

    private record AgentKey(ProjectId project, AgentId agent) {
    }

    private final UserTokens userTokens;
    private final AgentRegistry registry;
    private final AgentTokens agentTokens;
    private final Secrets secrets;
    private final SecretHashing hashing;
    private final Duration tokenLifetime;
    private final Clock clock;
    private final StoreCalls calls;
    private final SignInThrottle perAgent = new SignInThrottle(SignInThrottle.PER_AGENT, MAX_THROTTLED_KEYS);
    private final SignInThrottle perAddress = new SignInThrottle(SignInThrottle.PER_ADDRESS, MAX_THROTTLED_KEYS);

    /** @param calls where the work runs: a pool of workers whatever the store, checking the password takes a while */
    public AuthenticateAgentService(UserTokens userTokens, AgentRegistry registry, AgentTokens agentTokens,
                                    Secrets secrets, SecretHashing hashing, Duration tokenLifetime, Clock clock, StoreCalls calls) {
        this.calls = calls;
        this.userTokens = userTokens;
        this.registry = registry;
        this.agentTokens = agentTokens;
        this.secrets = secrets;
        this.hashing = hashing;
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
    }

    @Override
    public CompletionStage<AgentToken> authenticate(AuthenticateAgentCommand command) {
        return calls.supply(() -> authenticateNow(command));
    }

    private AgentToken authenticateNow(AuthenticateAgentCommand command) {
        if (!userTokens.hasProject(command.project())) {
            throw new ProjectNotFoundException(command.project());
        }
        Instant now = clock.instant();
        AgentKey agentKey = new AgentKey(command.project(), command.agent());
        perAgent.requireAllowed(agentKey, now);
        boolean knownAddress = !command.clientAddress().isEmpty();
        if (knownAddress) {
            perAddress.requireAllowed(command.clientAddress(), now);
        }
        // An unknown agent and a wrong password answer alike and cost alike, so guessing ids tells nothing.
        Optional<RegisteredAgent> found = registry.find(command.project(), command.agent());
        Optional<PasswordHash> stored = found.flatMap(agent -> registry.passwordHash(command.project(), command.agent()));
        PasswordCheck check = stored.map(hash -> hashing.check(command.password(), hash))
                .orElseGet(() -> hashing.checkAgainstNothing(command.password()));
        if (check == PasswordCheck.WRONG) {
            if (found.isPresent()) {
                perAgent.failed(agentKey, now); // only registered agents, so the table stays bounded by the fleet
            }
            if (knownAddress) {
                perAddress.failed(command.clientAddress(), now);
            }
            throw new NotAuthenticatedException("wrong agent id or password");
        }
        RegisteredAgent agent = found.orElseThrow();
        // Checked only after the password, so neither says anything to a guesser.
        if (!SecretHashing.sameText(agent.host().fingerprint(), command.hostFingerprint())) {
            throw new FingerprintMismatchException(command.agent());
        }
        if (!agent.settings().enabled()) {
            throw new AgentDisabledException(command.agent());
        }
        perAgent.succeeded(agentKey);
        if (check == PasswordCheck.MATCHES_OUTDATED) {
            // Losing this race to another sign-in of the same agent is fine: it stored the same kind of hash.
            registry.replacePasswordHash(command.project(), command.agent(), stored.orElseThrow(),
                    hashing.hashPassword(command.password()));
        }
        Instant expiresAt = now.plus(tokenLifetime);
        Secret token = new Secret(secrets.next());
        agentTokens.save(SecretHashing.hashToken(token),
                new AgentTokens.AgentGrant(command.project(), command.agent(), expiresAt));
        return new AgentToken(token, expiresAt);
    }
}
