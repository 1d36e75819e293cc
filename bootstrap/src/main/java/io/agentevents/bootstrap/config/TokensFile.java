package io.agentevents.bootstrap.config;

import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.out.access.TokenHash;
import io.agentevents.application.service.access.SecretHashing;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the tokens file: one {@code <token> <project_id> <role>} per line, blank lines and
 * {@code #} comments allowed. The token may be given as {@code sha256:<64 hex digits>}, its
 * SHA-256, so the file holds no usable secret (make one with
 * {@code printf %s "$TOKEN" | sha256sum}). Errors name the line, never the token.
 */
public final class TokensFile {

    /** The prefix of a token given by its SHA-256. */
    static final String HASHED = "sha256:";

    private TokensFile() {
    }

    public static List<UserToken> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new ConfigException("cannot read tokens file " + file + ": " + unreadable.getMessage());
        }
        return parse(lines, file.toString());
    }

    static List<UserToken> parse(List<String> lines, String name) {
        List<UserToken> tokens = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = name + " line " + number + ": ";
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                throw new ConfigException(where + "expected '<token> <project_id> <role>'");
            }
            TokenHash hash = tokenHash(fields[0], where);
            if (!seen.add(hash.hex())) {
                throw new ConfigException(where + "this token is already on an earlier line");
            }
            ProjectId project;
            try {
                project = new ProjectId(fields[1]);
            } catch (IllegalArgumentException malformed) {
                throw new ConfigException(where + malformed.getMessage());
            }
            tokens.add(new UserToken(hash, project, role(fields[2], where)));
        }
        if (tokens.isEmpty()) {
            throw new ConfigException(name + " holds no tokens; nobody could use the service");
        }
        return tokens;
    }

    private static TokenHash tokenHash(String field, String where) {
        if (!field.regionMatches(true, 0, HASHED, 0, HASHED.length())) {
            return SecretHashing.hashToken(new Secret(field));
        }
        try {
            return new TokenHash(field.substring(HASHED.length()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException malformed) {
            throw new ConfigException(where + "a " + HASHED + " token must be followed by 64 hex digits");
        }
    }

    private static Role role(String text, String where) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "admin" -> Role.ADMIN;
            case "creator" -> Role.CREATOR;
            case "observer" -> Role.OBSERVER;
            default -> throw new ConfigException(where + "role must be admin, creator or observer");
        };
    }
}
