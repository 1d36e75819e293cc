package io.agentevents.adapter.http;

import static io.agentevents.adapter.http.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.adapter.http.wire.LogfileLinks;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.application.port.in.RequestNotFoundException;
import io.agentevents.application.port.in.logfile.LogfileQuery;
import io.agentevents.application.port.in.logfile.UpdateLogfileCommand;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.AnswerRefusedException;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.request.Logfile;
import io.agentevents.domain.request.LogfileState;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log file routes, with the links of a Swift container configured, as in the reference's examples. */
class LogfileHandlersTest {

    private static final Instant DATE = Instant.parse("2014-09-23T12:22:40.606703Z");
    private static final String CONTAINER = "https://storage.example.com/v1/MossoCloudFS_f14d894e/CloudBackupLogs/v2";
    private final TestApi api = new TestApi(ApiOptions.defaults().withPublicUrl(PublicUrl.of("https://backup.example.com"))
            .withLogfileLinks(LogfileLinks.of(CONTAINER, Optional.of("mykey"), LogfileLinks.Digest.SHA1, Duration.ofHours(1),
                    Clock.fixed(Instant.ofEpochSecond(1_323_475_885L), ZoneOffset.UTC))));
    private final AgentId agent = TestSessions.newAgent();
    private final String logfiles = "/v2/p1/agents/" + agent + "/logfiles";
    private final JsonBodies json = new JsonBodies(api);

    @AfterEach
    void stop() {
        api.close();
    }

    private Logfile logfile(LogfileState state) {
        return new Logfile(TestApi.PROJECT, agent, TestSessions.newRequest(), DATE, state);
    }

    @Test
    void aRequestedLogfile_is202_withItsLocation_andTheReferencesBody() {
        Logfile requested = logfile(LogfileState.REQUESTED);
        api.requestLogfile = command -> requested;

        HttpResponse<String> response = api.send("POST", logfiles, null, "X-Auth-Token", TestApi.TOKEN, "Content-Type",
                "application/json");

        JsonNode body = json.ok(response);
        assertThat(response.statusCode()).isEqualTo(202);
        String self = "https://backup.example.com" + logfiles + "/" + requested.id();
        assertThat(response.headers().firstValue("Location")).contains(self);
        assertThat(body.get("id").asText()).isEqualTo(requested.id().toString());
        assertThat(body.get("date").asText()).isEqualTo("2014-09-23T12:22:40.606703Z");
        assertThat(body.get("state").asText()).isEqualTo("requested");
        assertThat(body.get("links").get(0).get("href").asText()).isEqualTo(self);
        assertThat(body.get("links").get(0).get("rel").asText()).isEqualTo("self");
        assertThat(body.get("links").get(1).get("href").asText())
                .isEqualTo(CONTAINER + "/" + agent + "/2014-09-23T12-22-40.606703Z.gz");
        assertThat(body.get("links").get(2).get("rel").asText()).isEqualTo("logfile_temp_url");
        assertThat(body.get("links").get(2).get("href").asText()).startsWith(body.get("links").get(1).get("href").asText()
                + "?temp_url_sig=").endsWith("&temp_url_expires=1323479485");
    }

    @Test
    void theList_andOneLogfile_areTheReferencesShapes() {
        Logfile completed = logfile(LogfileState.COMPLETED);
        api.listLogfiles = query -> List.of(completed);
        api.getLogfile = query -> completed;

        JsonNode listed = json.ok(api.authorized("GET", logfiles, null));
        JsonNode one = json.ok(api.authorized("GET", logfiles + "/" + completed.id(), null));

        assertThat(listed.get("logfiles").get(0)).isEqualTo(one);
        assertThat(one.get("state").asText()).isEqualTo("completed");
        api.listLogfiles = query -> List.of();
        assertThat(json.ok(api.authorized("GET", logfiles, null)).get("logfiles")).isEmpty();
    }

    @Test
    void withoutAContainer_aLogfileHasOnlyItsOwnLink() {
        try (TestApi plain = new TestApi()) {
            plain.getLogfile = query -> logfile(LogfileState.STARTED);
            HttpResponse<String> response = plain.authorized("GET", logfiles + "/" + TestSessions.newRequest(), null);
            JsonNode body = plain.codec.readTree(response.body());
            assertThat(body.get("links")).hasSize(1);
            assertThat(body.get("links").get(0).get("rel").asText()).isEqualTo("self");
        }
    }

    @Test
    void thePatch_replacesTheState_andNothingElse() {
        List<UpdateLogfileCommand> updates = new ArrayList<>();
        api.updateLogfile = updates::add;
        String path = logfiles + "/" + TestSessions.newRequest();

        HttpResponse<String> response = api.send("PATCH", path, "[{\"op\":\"replace\",\"path\":\"/state\",\"value\":\"started\"}]",
                "X-Auth-Token", TestApi.TOKEN, "Content-Type", "application/json-patch+json");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(updates).singleElement().extracting(UpdateLogfileCommand::state).isEqualTo(LogfileState.STARTED);
        assertError(api.authorized("PATCH", path, "[{\"op\":\"add\",\"path\":\"/state\",\"value\":\"started\"}]"), 400,
                "[0].op must be replace");
        assertError(api.authorized("PATCH", path, "[{\"op\":\"replace\",\"path\":\"/date\",\"value\":\"x\"}]"), 400,
                "[0].path must be /state");
        assertError(api.authorized("PATCH", path, "[{\"op\":\"replace\",\"path\":\"/state\",\"value\":\"requested\"}]"), 400,
                "[0].value must be started or completed");
        assertError(api.authorized("PATCH", path, "[{\"op\":\"replace\",\"path\":\"/state\",\"value\":\"started\"},"
                + "{\"op\":\"replace\",\"path\":\"/state\",\"value\":\"completed\"}]"), 400, "exactly one operation");
        assertThat(updates).hasSize(1);
    }

    @Test
    void aStepBack_is409_anUnknownLogfile404_andDelete204() {
        api.updateLogfile = command -> {
            throw new AnswerRefusedException("log file is completed; it cannot become started");
        };
        assertError(api.authorized("PATCH", logfiles + "/" + TestSessions.newRequest(),
                "[{\"op\":\"replace\",\"path\":\"/state\",\"value\":\"started\"}]"), 409, "cannot become started");
        api.getLogfile = query -> {
            throw new RequestNotFoundException("log file " + query.logfile() + " not found for agent " + agent);
        };
        assertError(api.authorized("GET", logfiles + "/" + TestSessions.newRequest(), null), 404, "not found");
        List<LogfileQuery> deleted = new ArrayList<>();
        api.deleteLogfile = deleted::add;
        assertThat(api.authorized("DELETE", logfiles + "/" + TestSessions.newRequest(), null).statusCode()).isEqualTo(204);
        assertThat(deleted).hasSize(1);
        assertError(api.authorized("GET", logfiles + "/nope", null), 404, "log file not found");
    }
}
