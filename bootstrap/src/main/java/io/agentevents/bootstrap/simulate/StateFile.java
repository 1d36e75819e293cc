package io.agentevents.bootstrap.simulate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's memory between runs: the agents it registered, each with its project, password
 * and last token, in a file only its owner can read (throw-away test agents, but credentials all
 * the same). A file of one project alone names it once, at the top, as earlier versions wrote it.
 */
final class StateFile {

    private StateFile() {
    }

    static List<SimulatedAgent.Identity> load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonObject state = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
        String project = state.getString("project");
        List<SimulatedAgent.Identity> identities = new ArrayList<>();
        JsonArray agents = state.getJsonArray("agents", new JsonArray());
        for (int i = 0; i < agents.size(); i++) {
            JsonObject agent = agents.getJsonObject(i);
            identities.add(new SimulatedAgent.Identity(agent.getString("project", project), agent.getString("id"),
                    agent.getString("password"), agent.getString("fingerprint"), agent.getString("token"),
                    Instant.parse(agent.getString("token_expires", Instant.EPOCH.toString()))));
        }
        return identities;
    }

    static void save(Path file, List<SimulatedAgent.Identity> identities) throws IOException {
        JsonArray agents = new JsonArray();
        identities.forEach(identity -> agents.add(new JsonObject().put("project", identity.project())
                .put("id", identity.id()).put("password", identity.password()).put("fingerprint", identity.fingerprint())
                .put("token", identity.token()).put("token_expires", identity.tokenExpires().toString())));
        // Written beside it, readable by its owner only from the start, then moved over it: a run
        // stopped while saving leaves the previous file whole.
        Path directory = file.toAbsolutePath().getParent();
        Path next;
        try {
            next = Files.createTempFile(directory, file.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            next = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        }
        try {
            Files.writeString(next, new JsonObject().put("agents", agents).encode(), StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(next);
        }
    }
}
