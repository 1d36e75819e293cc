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

    public boolean requiresRegion() {
        return this != NOVA;
    }

    public boolean usesInternalVaultByDefault() {
        return this != RACKSPACE_DEDICATED;
    }
}
