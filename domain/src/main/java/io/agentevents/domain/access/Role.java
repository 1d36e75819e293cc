package io.agentevents.domain.access;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** What a user token may do in its project. */
public enum Role {
    /** Everything, including deleting agents. */
    ADMIN,
    /** Create, read and update: activate agents, register agents. */
    CREATOR,
    /** Read only. */
    OBSERVER;

    /** Whether this role may activate, register and change agents. */
    public boolean mayWrite() {
        return this != OBSERVER;
    }

    /** Whether this role may delete agents. */
    public boolean mayDelete() {
        return this == ADMIN;
    }

    /**
     * The role an identity service's role names grant, by the Cloud Backup names: the product roles
     * {@code cloudBackup:admin}, {@code cloudBackup:creator}, {@code cloudBackup:observer}, the
     * multiproduct {@code admin} and {@code observer}, and the account owner
     * {@code identity:user-admin} (an admin). When several apply the widest wins; other names grant
     * nothing. Names compare without regard to case, as identity services keep them.
     *
     * @return empty if no name grants a role
     */
    public static Optional<Role> widestOf(Collection<String> roleNames) {
        Role widest = null;
        for (String name : roleNames) {
            Role granted = ofCloudName(name);
            // Declared widest first, so a lower ordinal is a wider role.
            if (granted != null && (widest == null || granted.ordinal() < widest.ordinal())) {
                widest = granted;
            }
        }
        return Optional.ofNullable(widest);
    }

    private static Role ofCloudName(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cloudbackup:admin", "admin", "identity:user-admin" -> ADMIN;
            case "cloudbackup:creator" -> CREATOR;
            case "cloudbackup:observer", "observer" -> OBSERVER;
            default -> null;
        };
    }
}
