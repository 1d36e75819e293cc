package io.agentevents.adapter.keystone;

import io.agentevents.application.port.out.access.IdentityGrant;
import io.agentevents.application.port.out.access.IdentityUnavailableException;
import io.agentevents.domain.ProjectId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Reads Keystone v3's token documents ({@code {"token": {...}}}). */
final class KeystoneAnswers {

    private KeystoneAnswers() {
    }

    /** What a validated token grants: its project, its roles' names and its expiry. */
    static IdentityGrant grantOf(JsonObject document) {
        JsonObject token = tokenOf(document);
        Optional<ProjectId> project = Optional.ofNullable(token.getValue("project") instanceof JsonObject scoped
                        ? scoped.getValue("id") : null)
                .filter(String.class::isInstance).map(String.class::cast)
                .filter(ProjectId::isValid).map(ProjectId::new);
        Set<String> roles = new HashSet<>();
        if (token.getValue("roles") instanceof JsonArray granted) {
            for (Object role : granted) {
                if (role instanceof JsonObject named && named.getValue("name") instanceof String name) {
                    roles.add(name);
                }
            }
        }
        return new IdentityGrant(project, roles, expiresAt(document));
    }

    static Instant expiresAt(JsonObject document) {
        Object expires = tokenOf(document).getValue("expires_at");
        if (!(expires instanceof String text)) {
            throw unreadable("it has no expires_at");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException malformed) {
            throw unreadable("its expires_at is not a time");
        }
    }

    private static JsonObject tokenOf(JsonObject document) {
        if (document == null || !(document.getValue("token") instanceof JsonObject token)) {
            throw unreadable("it holds no token");
        }
        return token;
    }

    private static IdentityUnavailableException unreadable(String why) {
        return new IdentityUnavailableException("the identity service's answer could not be read: " + why);
    }
}
