package io.agentevents.bootstrap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentevents.adapter.http.ReferenceExamples;
import java.util.Map;

/** Request bodies as the v2 reference's examples, with the names and ids a test gives them. */
final class DocumentedBodies {

    private DocumentedBodies() {
    }

    /** The reference's registration, as agent {@code name} on the host with {@code fingerprint} (machine {@code machine-<name>}). */
    static String registration(String name, String fingerprint) {
        ObjectNode body = (ObjectNode) ReferenceExamples.json("register-an-agent.request");
        body.put("name", name);
        ObjectNode host = (ObjectNode) body.get("host");
        host.put("fingerprint", fingerprint);
        ((ObjectNode) host.get("machine")).put("id", "machine-" + name);
        return body.toString();
    }

    /** The reference's token request, for this agent and password, from the host with {@code fingerprint}. */
    static String signIn(String project, String agent, String password, String fingerprint) {
        return ReferenceExamples.text("authenticate-an-agent.request", Map.of(
                "\"" + ReferenceExamples.EXAMPLE_PROJECT + "\"", "\"" + project + "\"",
                ReferenceExamples.EXAMPLE_AGENT, agent,
                ReferenceExamples.EXAMPLE_PASSWORD, password,
                ReferenceExamples.EXAMPLE_FINGERPRINT, fingerprint));
    }
}
