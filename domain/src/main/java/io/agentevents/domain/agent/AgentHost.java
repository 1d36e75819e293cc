package io.agentevents.domain.agent;

import io.agentevents.domain.OperatingSystem;
import io.agentevents.domain.TextFields;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The machine an agent runs on, as the agent reported it at registration.
 *
 * @param flavor      the kind of cloud it runs in
 * @param region      its region; may be unknown only for {@link Flavor#NOVA}
 * @param machineId   the machine's id in its cloud (what clients find an agent by)
 * @param os          its operating system
 * @param fingerprint identifies the machine; an agent token is only issued for the same one
 * @param addresses   its IP addresses, in the order reported
 */
public record AgentHost(Flavor flavor, Optional<String> region, String machineId, OperatingSystem os,
                        String fingerprint, List<IpAddress> addresses) {

    /** More than any machine has; keeps one registration small. */
    public static final int MAX_ADDRESSES = 64;

    /** @throws IllegalArgumentException naming the field that breaks a rule */
    public AgentHost {
        Objects.requireNonNull(flavor, "host.flavor must not be null");
        Objects.requireNonNull(region, "host.region must not be null (use Optional.empty())");
        region.ifPresent(value -> TextFields.requireText(value, "host.region"));
        if (region.isEmpty() && flavor.requiresRegion()) {
            throw new IllegalArgumentException("host.region is required for this host.flavor");
        }
        TextFields.requireText(machineId, "host.machine.id");
        Objects.requireNonNull(os, "host.os must not be null");
        TextFields.requireText(fingerprint, "host.fingerprint");
        addresses = List.copyOf(addresses);
        if (addresses.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException("host.addresses must hold at most " + MAX_ADDRESSES + " addresses");
        }
    }
}
