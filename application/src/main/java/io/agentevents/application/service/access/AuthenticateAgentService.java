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
import io.agentevents.application.port.out.access.SignInAlarms;
import io.agentevents.application.port.out.access.WrongPasswordBurst;
import io.agentevents.application.port.out.access.UserTokens;
import io.agentevents.application.service.access.SecretHashing.PasswordCheck;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.agent.RegisteredAgent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sign-in. The right password and fingerprint always sign in; wrong ones are answered later and
 * later ({@link WrongPasswordDelays}, per agent and per address), on the caller's timer rather
 * than a worker. Once an agent has failed, its stored hash is remembered, so further wrong
 * guesses for it cost one SHA-256 and no store call at all.
 */
public class AuthenticateAgentService implements AuthenticateAgentUseCase {

    /** Enough for every agent a node serves, and every address that failed lately. */
    private static final int MAX_COUNTED_KEYS = 100_000;
    private static final String WRONG_CREDENTIALS = "wrong agent id or password";

    /** An agent: a few failures are a misconfigured agent, more are someone guessing. */
    public static final WrongPasswordDelays.Policy PER_AGENT = new WrongPasswordDelays.Policy(3,
            Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofMinutes(15));
    /** An address may sign many agents in (a NAT, a proxy): more of its failures are answered at once. */
    public static final WrongPasswordDelays.Policy PER_ADDRESS = new WrongPasswordDelays.Policy(20,
            Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofMinutes(15));

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
    private final SignInAlarms alarms;
    private final SignInCounters counters = new SignInCounters();
    private final WrongPasswordDelays<AgentKey> perAgent = new WrongPasswordDelays<>(PER_AGENT, MAX_COUNTED_KEYS);
    private final WrongPasswordDelays<String> perAddress = new WrongPasswordDelays<>(PER_ADDRESS, MAX_COUNTED_KEYS);

    public AuthenticateAgentService(UserTokens userTokens, AgentRegistry registry, AgentTokens agentTokens,
                                    Secrets secrets, SecretHashing hashing, Duration tokenLifetime, Clock clock, StoreCalls calls) {
        this(userTokens, registry, agentTokens, secrets, hashing, tokenLifetime, clock, calls, SignInAlarms.ignored());
    }

    /**
     * @param calls  where the work runs: a pool of workers whatever the store, an old password hash takes a while
     * @param alarms told once per burst of wrong passwords
     */
    public AuthenticateAgentService(UserTokens userTokens, AgentRegistry registry, AgentTokens agentTokens,
                                    Secrets secrets, SecretHashing hashing, Duration tokenLifetime, Clock clock,
                                    StoreCalls calls, SignInAlarms alarms) {
        this.calls = calls;
        this.userTokens = userTokens;
        this.registry = registry;
        this.agentTokens = agentTokens;
        this.secrets = secrets;
        this.hashing = hashing;
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
        this.alarms = alarms;
    }

    public SignInCounters counters() {
        return counters;
    }

    @Override
    public CompletionStage<AgentToken> authenticate(AuthenticateAgentCommand command) {
        Instant now = clock.instant();
        AgentKey agentKey = new AgentKey(command.project(), command.agent());
        Optional<PasswordHash> known = perAgent.knownHash(agentKey, now);
        if (known.isPresent() && hashing.check(command.password(), known.get()) == PasswordCheck.WRONG) {
            // An agent's password never changes while its id lives, so the remembered hash is as good as the store's.
            return CompletableFuture.failedFuture(wrong(command, agentKey, known, now, true, true));
        }
        return calls.supply(() -> authenticateNow(command, agentKey));
    }

    private AgentToken authenticateNow(AuthenticateAgentCommand command, AgentKey agentKey) {
        if (!userTokens.hasProject(command.project())) {
            throw new ProjectNotFoundException(command.project());
        }
        Instant now = clock.instant();
        // An unknown agent and a wrong password answer alike and cost alike, so guessing ids tells nothing.
        Optional<RegisteredAgent> found = registry.find(command.project(), command.agent());
        Optional<PasswordHash> stored = found.flatMap(agent -> registry.passwordHash(command.project(), command.agent()));
        PasswordCheck check = stored.map(hash -> hashing.check(command.password(), hash))
                .orElseGet(() -> hashing.checkAgainstNothing(command.password()));
        if (check == PasswordCheck.WRONG) {
            // Only registered agents are counted, so the table stays bounded by the fleet; old hashes are not remembered.
            throw wrong(command, agentKey, stored.filter(hash -> !LegacyPasswordHashes.isLegacy(hash)), now,
                    false, found.isPresent());
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

    /** Counts a wrong password against the agent (if registered) and the address; the answer is as late as the later. */
    private NotAuthenticatedException wrong(AuthenticateAgentCommand command, AgentKey agentKey,
                                            Optional<PasswordHash> known, Instant now, boolean withoutStore,
                                            boolean registered) {
        Duration late = Duration.ZERO;
        if (registered) {
            WrongPasswordDelays.Failure failure = perAgent.failed(agentKey, now, known.orElse(null));
            late = failure.answerLate();
            if (failure.burstBegins()) {
                burstBegan(new WrongPasswordBurst(command.project(), Optional.of(command.agent()),
                        command.clientAddress(), failure.inARow(), PER_AGENT.forgetAfter()));
            }
        }
        if (!command.clientAddress().isEmpty()) {
            WrongPasswordDelays.Failure failure = perAddress.failed(command.clientAddress(), now, null);
            late = failure.answerLate().compareTo(late) > 0 ? failure.answerLate() : late;
            if (failure.burstBegins()) {
                burstBegan(new WrongPasswordBurst(command.project(), Optional.empty(), command.clientAddress(),
                        failure.inARow(), PER_ADDRESS.forgetAfter()));
            }
        }
        counters.wrong(!late.isZero(), withoutStore);
        return new NotAuthenticatedException(WRONG_CREDENTIALS, late);
    }

    private void burstBegan(WrongPasswordBurst burst) {
        counters.burstBegan();
        alarms.burstBegan(burst);
    }
}
