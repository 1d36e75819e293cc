package io.agentevents.domain.agent;

/**
 * The kind of cloud an agent's host runs in. It decides whether the host must name its region
 * and whether the agent's vault is reached over the internal network unless asked otherwise.
 */
public enum Flavor {
    /** A public cloud server: the region may be unknown; the vault is internal by default. */
    NOVA,
    /** A dedicated server: the region is required; the vault is reached over the public network by default. */
    RACKSPACE_DEDICATED,
    /** A private cloud: the region is required; the vault is internal by default. */
    RACKSPACE_PRIVATE_CLOUD;

    /** Whether a host of this flavor must name its region. */
    public boolean requiresRegion() {
        return this != NOVA;
    }

    /** Whether its agents reach their vault over the internal network unless they ask otherwise. */
    public boolean usesInternalVaultByDefault() {
        return this != RACKSPACE_DEDICATED;
    }
}
