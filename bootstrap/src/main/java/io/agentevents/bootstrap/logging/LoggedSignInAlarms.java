package io.agentevents.bootstrap.logging;

import io.agentevents.application.port.out.access.SignInAlarms;
import io.agentevents.application.port.out.access.WrongPasswordBurst;
import io.agentevents.application.service.access.SignInCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WARN line per burst of wrong passwords, on {@code io.agentevents.security}; every wrong
 * sign-in is counted by the meters instead. The lines name ids and addresses, never a password.
 */
public final class LoggedSignInAlarms implements SignInAlarms {

    private static final Logger LOG = LoggerFactory.getLogger("io.agentevents.security");

    @Override
    public void burstBegan(WrongPasswordBurst burst) {
        String quiet = burst.quietToForget().toMinutes() + " min";
        String from = burst.address().isEmpty() ? "an unknown address" : burst.address();
        burst.agent().ifPresentOrElse(
                agent -> LOG.warn("{} wrong passwords in a row for agent {} of project {} (the latest from {}): "
                                + "further ones are answered later and later, counted in "
                                + "agent_events_sign_in_failures_total, and not logged until the agent is quiet for {}; "
                                + "its right password still signs in",
                        burst.inARow(), agent, burst.project(), from, quiet),
                () -> LOG.warn("{} wrong sign-ins in a row from {} (the latest for project {}): further ones are answered "
                                + "later and later, counted in agent_events_sign_in_failures_total, and not logged until "
                                + "it is quiet for {}; right passwords from it still sign in",
                        burst.inARow(), from, burst.project(), quiet));
    }

    /** The counters of wrong sign-ins as meters. */
    public static void publish(SignInCounters counters, MeterRegistry meters) {
        failures(counters, meters, "at_once", c -> c.wrongCount() - c.answeredLateCount());
        failures(counters, meters, "late", SignInCounters::answeredLateCount);
        FunctionCounter.builder("agent.events.sign.in.failures.without.store", counters,
                        SignInCounters::answeredWithoutStoreCount)
                .description("wrong passwords told apart from the right one by a remembered hash, with no store call")
                .register(meters);
        FunctionCounter.builder("agent.events.sign.in.bursts", counters, SignInCounters::burstCount)
                .description("bursts of wrong passwords, of one agent or from one address, that began to be answered late")
                .register(meters);
    }

    private static void failures(SignInCounters counters, MeterRegistry meters, String answered,
                                 ToDoubleFunction<SignInCounters> count) {
        FunctionCounter.builder("agent.events.sign.in.failures", counters, count)
                .description("sign-ins refused for an unknown agent or a wrong password, by how they were answered")
                .tag("answered", answered).register(meters);
    }
}
