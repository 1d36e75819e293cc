package io.agentevents.bootstrap.simulate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** What a simulated agent says about itself, in the bodies of the v2 reference, as real agents send them. */
final class SimulatedHost {

    /** A 512-bit modulus: the service keeps and shows the key, it never uses it. */
    private static final String MODULUS = "C5A1D3E7F9B20486C5A1D3E7F9B20486C5A1D3E7F9B20486C5A1D3E7F9B20486"
            + "C5A1D3E7F9B20486C5A1D3E7F9B20486C5A1D3E7F9B20486C5A1D3E7F9B20487";

    private SimulatedHost() {
    }

    /** The body of <i>Register an agent</i> for simulated agent {@code number}. */
    static JsonObject registration(int number, String fingerprint) {
        JsonObject host = new JsonObject().put("flavor", "nova").put("region", "SIM")
                .put("machine", new JsonObject().put("id", "sim-machine-" + number))
                .put("os", os())
                .put("fingerprint", fingerprint)
                .put("addresses", addresses(number));
        return new JsonObject().put("name", "sim-agent-" + number).put("version", "simulator").put("host", host)
                .put("rsa_public_key", new JsonObject().put("modulus", MODULUS).put("exponent", 10001));
    }

    /** The body of <i>Authenticate an agent</i>. */
    static JsonObject signIn(String project, String agentId, String password, String fingerprint) {
        return new JsonObject().put("project_id", project).put("id", agentId).put("password", password)
                .put("name", "sim-agent").put("version", "simulator")
                .put("host", new JsonObject().put("os", os()).put("fingerprint", fingerprint));
    }

    private static JsonObject os() {
        return new JsonObject().put("name", "Linux").put("version", "simulated").put("architecture", "64-bit");
    }

    private static JsonArray addresses(int number) {
        String v4 = "10." + (number >> 16 & 0xff) + "." + (number >> 8 & 0xff) + "." + (number & 0xff);
        return new JsonArray().add(new JsonObject().put("version", 4).put("addr", v4));
    }
}
