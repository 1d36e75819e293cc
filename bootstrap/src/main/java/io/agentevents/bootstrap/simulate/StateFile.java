package io.agentevents.bootstrap.simulate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's memory between runs: the agents it registered, with their passwords and last
 * tokens, in a file only its owner can read (throw-away test agents, but credentials all the same).
 */
final class StateFile {

    private StateFile() {
    }

    static List<SimulatedAgent.Identity> load(Path file, String project) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonObject state = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
        if (!project.equals(state.getString("project"))) {
            return List.of();
        }
        List<SimulatedAgent.Identity> identities = new ArrayList<>();
        JsonArray agents = state.getJsonArray("agents", new JsonArray());
        for (int i = 0; i < agents.size(); i++) {
            JsonObject agent = agents.getJsonObject(i);
            identities.add(new SimulatedAgent.Identity(agent.getString("id"), agent.getString("password"),
                    agent.getString("fingerprint"), agent.getString("token"),
                    Instant.parse(agent.getString("token_expires", Instant.EPOCH.toString()))));
        }
        return identities;
    }

    static void save(Path file, String project, List<SimulatedAgent.Identity> identities) throws IOException {
        JsonArray agents = new JsonArray();
        identities.forEach(identity -> agents.add(new JsonObject().put("id", identity.id())
                .put("password", identity.password()).put("fingerprint", identity.fingerprint())
                .put("token", identity.token()).put("token_expires", identity.tokenExpires().toString())));
        Path written = Files.writeString(file, new JsonObject().put("project", project).put("agents", agents).encodePrettily(),
                StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: keep it as created
        }
    }
}
