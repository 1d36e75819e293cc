package io.agentevents.bootstrap;

import io.agentevents.adapter.keystone.KeystoneIdentityService;
import io.agentevents.application.service.access.IdentityCounters;
import io.agentevents.application.service.access.RememberedIdentities;
import io.agentevents.bootstrap.config.IdentitySettings;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The identity service beside the tokens file, when one is configured: Keystone, its verdicts remembered. */
final class IdentityWiring {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityWiring.class);

    private IdentityWiring() {
    }

    /** Its client lives on {@code vertx} and is closed with it. */
    static Optional<RememberedIdentities> start(Vertx vertx, IdentitySettings settings, Clock clock, MeterRegistry meters) {
        return settings.keystone().map(keystone -> {
            RememberedIdentities remembered = new RememberedIdentities(
                    new KeystoneIdentityService(vertx, keystone, clock, meters), settings.tokenCacheTtl(), clock);
            publish(remembered.counters(), meters);
            LOG.info("user tokens are also validated by {}, each remembered for up to {} s", keystone,
                    settings.tokenCacheTtl().toSeconds());
            return remembered;
        });
    }

    private static void publish(IdentityCounters counters, MeterRegistry meters) {
        validations(counters, meters, "accepted", IdentityCounters::acceptedCount);
        validations(counters, meters, "refused", IdentityCounters::refusedCount);
        validations(counters, meters, "unavailable", IdentityCounters::unavailableCount);
        FunctionCounter.builder("agent.events.identity.cache.hits", counters, IdentityCounters::rememberedCount)
                .description("user tokens answered from what the identity service said before, without asking it")
                .register(meters);
        FunctionCounter.builder("agent.events.identity.cache.shared", counters, IdentityCounters::joinedCount)
                .description("user tokens that waited for a validation of the same token already on its way")
                .register(meters);
    }

    private static void validations(IdentityCounters counters, MeterRegistry meters, String outcome,
                                    ToDoubleFunction<IdentityCounters> count) {
        FunctionCounter.builder("agent.events.identity.validations", counters, count)
                .description("user tokens the identity service was asked about, by its answer")
                .tag("outcome", outcome).register(meters);
    }
}
