package io.agentevents.adapter.http;

import static io.agentevents.adapter.http.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentevents.application.port.in.AgentDisabledException;
import io.agentevents.application.port.in.access.AgentToken;
import io.agentevents.application.port.in.access.AuthenticateAgentCommand;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.in.agent.AgentRegistration;
import io.agentevents.application.port.in.agent.RegisterAgentCommand;
import io.agentevents.application.port.in.idempotency.OnceOutcome;
import io.agentevents.application.port.in.idempotency.RunOnceCommand;
import io.agentevents.application.port.in.idempotency.RunOnceUseCase;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.OperatingSystem;
import io.agentevents.domain.TestAgents;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.agent.AgentHost;
import io.agentevents.domain.agent.AgentSettings;
import io.agentevents.domain.agent.Flavor;
import io.agentevents.domain.agent.IpAddress;
import io.agentevents.domain.agent.RegisteredAgent;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registering an agent and its sign-in, with the reference's example bodies. */
class RegistrationHandlersTest {

    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.000008Z");
    private static final String REGISTRATION = ReferenceExamples.text("register-an-agent.request");

    private final TestApi api = new TestApi();
    private final AgentId agent = TestSessions.newAgent();
    private final RegisteredAgent registered = new RegisteredAgent(TestApi.PROJECT, agent, "Web Server", "1.23.008344",
            TestAgents.host("web"), Optional.of(TestAgents.KEY), AgentSettings.initial(Flavor.NOVA, Optional.empty()), AT);

    @AfterEach
    void stop() {
        api.close();
    }

    /** The registration example with {@code field} of {@code host} (or of the body) replaced by {@code json}. */
    private static String registrationWith(String object, String field, String json) {
        ObjectNode body = (ObjectNode) ReferenceExamples.json("register-an-agent.request");
        ObjectNode target = object.isEmpty() ? body : (ObjectNode) body.at(object);
        if (json == null) {
            target.remove(field);
        } else {
            target.set(field, ReferenceExamples.parse(json));
        }
        return body.toString();
    }

    @Test
    void register_theReferenceExample_is201WithLocationAndTheAgentResource() {
        List<RegisterAgentCommand> commands = new ArrayList<>();
        api.registerAgent = command -> {
            commands.add(command);
            return new AgentRegistration(registered, new Secret("one-time-pw"));
        };

        HttpResponse<String> response = api.authorized("POST", "/v2/p1/agents", REGISTRATION);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).contains("http://localhost/v2/p1/agents/" + agent);
        JsonNode body = api.codec.readTree(response.body());
        assertThat(body.get("id").asText()).isEqualTo(agent.toString());
        assertThat(body.get("project_id").asText()).isEqualTo("p1");
        assertThat(body.get("password").asText()).isEqualTo("one-time-pw");
        assertThat(body.get("registered_time").asText()).isEqualTo("2026-03-04T05:06:07.000008+00:00");
        assertThat(body.get("links").get(0).get("href").asText()).isEqualTo("http://localhost/v2/p1/agents/" + agent);
        RegisterAgentCommand command = commands.get(0);
        assertThat(command.name()).isEqualTo("Web Server");
        assertThat(command.version()).isEqualTo("1.23.008344");
        assertThat(command.host()).isEqualTo(new AgentHost(Flavor.NOVA, Optional.of("DFW"),
                "55f83711-85ff-49d6-9a1a-58c67d452c6a", new OperatingSystem("Ubuntu", "14.04", "64-bit"),
                "arbitrary-string-determined-by-agent",
                List.of(new IpAddress(4, "67.23.10.132"), new IpAddress(6, "::babe:4317:0A83"))));
        assertThat(command.publicKey().exponent()).isEqualTo("10001");
        assertThat(command.publicKey().modulus()).startsWith("E14F9A88").hasSize(512);
        assertThat(command.vaultUsesInternal()).contains(true);
    }

    @Test
    void register_withUnknownFields_ignoresThem_andWithoutVault_letsTheFlavorDecide() {
        List<RegisterAgentCommand> commands = new ArrayList<>();
        api.registerAgent = command -> {
            commands.add(command);
            return new AgentRegistration(registered, new Secret("pw"));
        };
        ObjectNode body = (ObjectNode) ReferenceExamples.json("register-an-agent.request");
        body.remove("vault");
        body.put("comment", "from a newer agent");
        ((ObjectNode) body.get("host")).put("uptime", 12);
        ((ObjectNode) body.get("host")).putNull("region");

        assertThat(api.authorized("POST", "/v2/p1/agents", body.toString()).statusCode()).isEqualTo(201);
        assertThat(commands.get(0).vaultUsesInternal()).isEmpty();
        assertThat(commands.get(0).host().region()).isEmpty();
    }

    @Test
    void register_withMissingFields_is400NamingTheField() {
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("", "host", null)), 400, "host is required");
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("/host", "fingerprint", null)), 400,
                "host.fingerprint is required");
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("/host", "machine", "{}")), 400,
                "host.machine.id is required");
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("/host/os", "architecture", null)), 400,
                "host.os.architecture is required");
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("", "rsa_public_key", null)), 400,
                "rsa_public_key is required");
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("/host", "addresses", null)), 400,
                "host.addresses is required");
    }

    @Test
    void register_withWrongTypesOrValues_is400NamingTheField() {
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("/host", "os", "\"Ubuntu\"")), 400,
                "host.os must be an object");
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("/host", "flavor", "\"ec2\"")), 400,
                "host.flavor must be one of nova, rackspace_dedicated, rackspace_private_cloud");
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("/host", "addresses",
                "[{\"version\":4,\"addr\":\"67.23.10.132\"},{\"version\":\"six\",\"addr\":\"::1\"}]")), 400,
                "host.addresses[1].version must be a whole number");
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("/host", "addresses", "[\"67.23.10.132\"]")),
                400, "host.addresses[0] must be an object");
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("/host", "addresses",
                "[{\"version\":4,\"addr\":\"::1\"}]")), 400, "IPv4 address");
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("/rsa_public_key", "exponent", "1.5")), 400,
                "rsa_public_key.exponent must be a string or a whole number");
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("/rsa_public_key", "modulus", "\"xyz\"")), 400,
                "rsa_public_key.modulus must be hexadecimal digits");
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("/vault", "use_internal", "\"yes\"")), 400,
                "vault.use_internal must be true or false");
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("", "name", "\" \"")), 400, "name must be");
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("", "name", "\"" + "n".repeat(256) + "\"")),
                400, "at most 255");
    }

    @Test
    void register_ofADedicatedHostWithoutRegion_is400() {
        String body = registrationWith("/host", "flavor", "\"rackspace_dedicated\"").replace("\"region\":\"DFW\"",
                "\"region\":null");

        assertError(api.authorized("POST", "/v2/p1/agents", body), 400, "host.region is required for this host.flavor");
    }

    @Test
    void register_withNulOrAnUnpairedSurrogate_is400() {
        assertError(api.authorized("POST", "/v2/p1/agents", registrationWith("", "name", "\"web\\u0000server\"")), 400,
                "name must not contain the NUL character");
        // The escape must reach the server as written: a lone surrogate cannot be sent as UTF-8.
        assertError(api.authorized("POST", "/v2/p1/agents", REGISTRATION.replace("\"arbitrary-string-determined-by-agent\"",
                "\"fp\\ud800\"")), 400,
                "host.fingerprint must be valid Unicode text");
    }

    @Test
    void register_replayedByIdempotencyKey_keepsNoPassword() throws Exception {
        List<String> kept = new ArrayList<>();
        RunOnceUseCase bookkeeping = api.runOnce;
        api.runOnce = new RunOnceUseCase() {
            @Override
            public <T> CompletionStage<OnceOutcome<T>> runOnce(RunOnceCommand command,
                                                               Supplier<CompletionStage<T>> request,
                                                               Function<T, String> keep) {
                return bookkeeping.runOnce(command, request, result -> {
                    String text = keep.apply(result);
                    kept.add(text);
                    return text;
                });
            }
        };
        api.registerAgent = command -> new AgentRegistration(registered, new Secret("one-time-pw"));

        HttpResponse<String> first = api.authorized("POST", "/v2/p1/agents", REGISTRATION, "Idempotency-Key", "reg-1");

        assertThat(first.body()).contains("one-time-pw");
        assertThat(kept).singleElement().satisfies(text -> assertThat(text).doesNotContain("one-time-pw")
                .doesNotContain("password"));
        JsonNode answer = new ObjectMapper().readTree(kept.get(0));
        assertThat(answer.path("status").asInt()).isEqualTo(201);
        assertThat(answer.path("location").asText()).isEqualTo("http://localhost/v2/p1/agents/" + agent);
        assertThat(answer.path("body").asText()).contains(agent.toString());

        api.registerAgent = command -> {
            throw new AssertionError("a replay must not register again");
        };
        HttpResponse<String> replay = api.authorized("POST", "/v2/p1/agents", REGISTRATION, "Idempotency-Key", "reg-1");

        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Location")).contains("http://localhost/v2/p1/agents/" + agent);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(replay.body()).isEqualTo(answer.path("body").asText());
        assertThat(kept).as("a replay keeps nothing new").hasSize(1);
    }

    @Test
    void token_theReferenceExample_needsNoUserToken_andAnswersIdAndExpiry() {
        List<AuthenticateAgentCommand> commands = new ArrayList<>();
        api.authenticateAgent = command -> {
            commands.add(command);
            return new AgentToken(new Secret("agent-token-1"), AT);
        };
        String body = ReferenceExamples.text("authenticate-an-agent.request",
                Map.of(ReferenceExamples.EXAMPLE_PROJECT, "p1", ReferenceExamples.EXAMPLE_AGENT, agent.toString()));

        HttpResponse<String> response = api.send("POST", "/v2/p1/agents/tokens", body, "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"token\":{\"id\":\"agent-token-1\",\"expires\":\"2026-03-04T05:06:07.000008Z\"}}");
        assertThat(commands.get(0).agent()).isEqualTo(agent);
        assertThat(commands.get(0).password().value()).isEqualTo(ReferenceExamples.EXAMPLE_PASSWORD);
        assertThat(commands.get(0).hostFingerprint()).isEqualTo(ReferenceExamples.EXAMPLE_FINGERPRINT);
    }

    @Test
    void token_withOnlyIdPasswordAndFingerprint_isEnough() {
        api.authenticateAgent = command -> new AgentToken(new Secret("t"), AT);

        HttpResponse<String> response = api.send("POST", "/v2/p1/agents/tokens",
                "{\"id\":\"" + agent + "\",\"password\":\"pw\",\"host\":{\"fingerprint\":\"fp-1\"}}",
                "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void token_withMalformedOrMissingFields_is400NamingThem() {
        String agentId = agent.toString();
        assertError(api.send("POST", "/v2/p1/agents/tokens", "{\"id\":\"x\",\"password\":\"pw\",\"host\":{\"fingerprint\":\"f\"}}",
                "Content-Type", "application/json"), 400, "agent id");
        assertError(api.send("POST", "/v2/p1/agents/tokens", "{\"agent_id\":\"" + agentId + "\",\"password\":\"pw\","
                + "\"host\":{\"fingerprint\":\"f\"}}", "Content-Type", "application/json"), 400, "id is required");
        assertError(api.send("POST", "/v2/p1/agents/tokens", "{\"id\":\"" + agentId + "\",\"password\":\"pw\","
                + "\"project_id\":\"p2\",\"host\":{\"fingerprint\":\"f\"}}", "Content-Type", "application/json"), 400,
                "project_id must equal the project in the path");
        assertError(api.send("POST", "/v2/p1/agents/tokens", "{\"id\":\"" + agentId + "\",\"password\":\"pw\","
                + "\"host\":{\"fingerprint\":\"f\",\"os\":{\"name\":7}}}", "Content-Type", "application/json"), 400,
                "host.os.name must be a string");
        assertError(api.send("POST", "/v2/p1/agents/tokens", "{\"id\":\"" + agentId + "\",\"password\":\"pw\","
                + "\"host\":{\"fingerprint\":\"f\",\"addresses\":[{\"version\":5,\"addr\":\"x\"}]}}",
                "Content-Type", "application/json"), 400, "version must be 4 or 6");
    }

    @Test
    void token_forADisabledAgent_is403() {
        api.authenticateAgent = command -> {
            throw new AgentDisabledException(agent);
        };

        assertError(api.send("POST", "/v2/p1/agents/tokens", "{\"id\":\"" + agent + "\",\"password\":\"pw\","
                + "\"host\":{\"fingerprint\":\"f\"}}", "Content-Type", "application/json"), 403, "is disabled");
    }
}
