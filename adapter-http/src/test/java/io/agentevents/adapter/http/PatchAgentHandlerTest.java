package io.agentevents.adapter.http;

import static io.agentevents.adapter.http.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.agent.UpdateAgentCommand;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.agent.LogLevel;
import io.agentevents.domain.agent.SettingChange;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PatchAgentHandlerTest {

    private final TestApi api = new TestApi();
    private final AgentId agent = TestSessions.newAgent();
    private final String path = "/v2/p1/agents/" + agent;
    private final List<UpdateAgentCommand> commands = new ArrayList<>();

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> patch(String body, String contentType) {
        return api.send("PATCH", path, body, "X-Auth-Token", TestApi.TOKEN, "Content-Type", contentType);
    }

    @Test
    void patch_theReferenceExample_asJsonPatch_is204() {
        api.updateAgent = commands::add;

        HttpResponse<String> response = patch(ReferenceExamples.text("update-an-agent.request"), "application/json-patch+json");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(commands).singleElement().satisfies(command -> {
            assertThat(command.agent()).isEqualTo(agent);
            assertThat(command.changes()).containsExactly(new SettingChange.SetEnabled(true));
        });
    }

    @Test
    void patch_asTheSdkSendsIt_setsTheLogLevel() {
        api.updateAgent = commands::add;

        HttpResponse<String> response = patch("[{\"op\": \"replace\", \"path\": \"/log_level\", \"value\": \"warn\"}]",
                "application/json; charset=utf-8");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(commands.get(0).changes()).containsExactly(new SettingChange.SetLogLevel(LogLevel.WARN));
    }

    @Test
    void patch_ofSeveralPaths_keepsTheirOrder_andTakesAddAsReplace() {
        api.updateAgent = commands::add;

        patch("[{\"op\":\"add\",\"path\":\"/vault/use_internal\",\"value\":false},"
                + "{\"op\":\"replace\",\"path\":\"/log-level\",\"value\":\"DEBUG\"},"
                + "{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":false}]", "application/json-patch+json");

        assertThat(commands.get(0).changes()).containsExactly(new SettingChange.SetVaultUsesInternal(false),
                new SettingChange.SetLogLevel(LogLevel.DEBUG), new SettingChange.SetEnabled(false));
    }

    @Test
    void patch_ofAnotherPathOrOp_orAWrongValue_is400NamingIt() {
        assertError(patch("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"x\"}]", "application/json-patch+json"), 400,
                "[0].path '/name' cannot be changed here");
        assertError(patch("[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true},{\"op\":\"remove\",\"path\":\"/enabled\"}]",
                "application/json-patch+json"), 400, "[1].op must be replace or add");
        assertError(patch("[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":\"no\"}]", "application/json-patch+json"), 400,
                "[0].value for /enabled must be true or false");
        assertError(patch("[{\"op\":\"replace\",\"path\":\"/log_level\",\"value\":\"loud\"}]", "application/json-patch+json"),
                400, "[0].value must be one of all, trace, debug, info, warn, error, fatal");
        assertError(patch("[{\"op\":\"replace\",\"path\":\"/enabled\"}]", "application/json-patch+json"), 400,
                "[0].value is required");
        assertError(patch("[]", "application/json-patch+json"), 400, "at least one operation");
        assertError(patch("{\"enabled\":true}", "application/json-patch+json"), 400, "JSON Patch");
        assertError(patch("[\"enabled\"]", "application/json-patch+json"), 400, "[0] must be an object");
        assertThat(commands).isEmpty();
    }

    @Test
    void patch_withAByteThatIsNotUtf8_inAFieldName_is400_evenAfterThatNameWasSeen() {
        api.updateAgent = commands::add;
        byte[] good = "[{\"op\":\"replace\",\"path\":\"/log_level\",\"value\":\"debug\"}]".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 1];
        System.arraycopy(good, 0, bad, 0, 3);
        bad[3] = (byte) 0xFF;
        System.arraycopy(good, 3, bad, 4, good.length - 3);
        assertThat(patch(new String(good, StandardCharsets.UTF_8), "application/json").statusCode()).isEqualTo(204);

        assertError(api.sendBytes("PATCH", path, bad, "X-Auth-Token", TestApi.TOKEN, "Content-Type", "application/json"), 400,
                "not valid UTF-8");
        assertThat(commands).hasSize(1);
    }

    @Test
    void patch_withAnotherContentType_is415() {
        assertError(patch("[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]", "text/plain"), 415,
                "application/json-patch+json");
    }

    @Test
    void patch_ofAnUnknownAgent_is404() {
        api.updateAgent = command -> {
            throw new AgentNotFoundException(command.project(), command.agent());
        };

        assertError(patch(ReferenceExamples.text("update-an-agent.request"), "application/json-patch+json"), 404, "not found");
    }
}
