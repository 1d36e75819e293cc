package io.agentevents.domain.activation;

import io.agentevents.domain.RequestId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for a mode, in force from {@code at} until {@code expiresAt} (forever when empty).
 * Posting the same mode again makes a newer activation with a later expiry, which is how a
 * client keeps an agent awake.
 *
 * @param scope     the agents it covers
 * @param mode      the mode asked for
 * @param at        when it was requested
 * @param expiresAt when it stops being in force; empty for an activation that never expires
 * @param requestId the request that made it
 */
public record Activation(ActivationScope scope, Mode mode, Instant at, Optional<Instant> expiresAt,
                         RequestId requestId) {

    /** @throws IllegalArgumentException if it expires at or before it was requested */
    public Activation {
        Objects.requireNonNull(scope, "scope must not be null");
        Objects.requireNonNull(mode, "mode must not be null");
        Objects.requireNonNull(at, "at must not be null");
        Objects.requireNonNull(expiresAt, "expiresAt must not be null (use Optional.empty())");
        Objects.requireNonNull(requestId, "requestId must not be null");
        expiresAt.ifPresent(expiry -> {
            if (!expiry.isAfter(at)) {
                throw new IllegalArgumentException("an activation must expire after it was requested");
            }
        });
    }

    /** An activation requested at {@code at}, lasting as long as {@code mode}'s schedule says. */
    public static Activation request(ActivationScope scope, Mode mode, Instant at, RequestId requestId,
                                     Schedules schedules) {
        Optional<Instant> expiresAt = schedules.forMode(mode).activationLasts().map(at::plus);
        return new Activation(scope, mode, at, expiresAt, requestId);
    }

    /** In force at {@code now}: not yet expired (it expires exactly at {@code expiresAt}). */
    public boolean isInForceAt(Instant now) {
        return expiresAt.map(now::isBefore).orElse(true);
    }

    /** Whether this one was requested after {@code other}, the rule that picks the mode. */
    public boolean isNewerThan(Activation other) {
        return at.isAfter(other.at);
    }

    /**
     * Which activation of one scope to keep when {@code arriving} comes after {@code kept}: the
     * newer, and {@code arriving} on a tie, so activations arriving out of order never roll back.
     */
    public static Activation kept(Optional<Activation> kept, Activation arriving) {
        return kept.filter(current -> current.isNewerThan(arriving)).orElse(arriving);
    }
}
