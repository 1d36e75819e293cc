package io.agentevents.adapter.http;

import static io.agentevents.adapter.http.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.application.port.in.RequestNotFoundException;
import io.agentevents.application.port.in.VaultStateException;
import io.agentevents.application.port.in.request.AnswerAgentRequestCommand;
import io.agentevents.application.port.in.request.AskAgentCommand;
import io.agentevents.application.port.in.request.PendingAnswer;
import io.agentevents.application.port.in.request.ReadAnswerQuery;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.AnswerRefusedException;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.event.StoredEvent;
import io.agentevents.domain.request.AgentRequested;
import io.agentevents.domain.request.LogfileProgressed;
import io.agentevents.domain.request.LogfileState;
import io.agentevents.domain.request.RequestAnswered;
import io.agentevents.domain.request.AgentRequest;
import io.agentevents.domain.request.Base64Text;
import io.agentevents.domain.request.BrowsedItem;
import io.agentevents.domain.request.EncryptedPassword;
import io.agentevents.domain.request.EncryptionAction;
import io.agentevents.domain.request.RequestAnswer;
import io.agentevents.domain.request.RequestKind;
import io.agentevents.domain.request.RequestedWork;
import io.agentevents.domain.request.TestRequests;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The routes of requests made of agents: bodies read, answers written, errors as the reference has them. */
class AgentRequestHandlersTest {

    private static final Instant AT = Instant.parse("2014-10-09T12:26:26.233501Z");
    private final TestApi api = new TestApi();
    private final AgentId agent = TestSessions.newAgent();
    private final String agentPath = "/v2/p1/agents/" + agent;
    private final List<AskAgentCommand> asked = new ArrayList<>();
    private final List<AnswerAgentRequestCommand> answers = new ArrayList<>();
    private final JsonBodies json = new JsonBodies(api);

    @AfterEach
    void stop() {
        api.close();
    }

    private void askedRequestsAreOpened() {
        api.askAgent = command -> {
            asked.add(command);
            return AgentRequest.open(command.project(), command.agent(), command.requestId(), command.work(), AT,
                    Duration.ofMinutes(5));
        };
    }

    private HttpResponse<String> post(String path, String body) {
        return api.authorized("POST", agentPath + path, body);
    }

    @Test
    void aBrowseRequest_is202_withTheLocationOfItsAnswer_namedByTheRequestsId() {
        askedRequestsAreOpened();

        HttpResponse<String> response = post("/browse-requests", "{\"path\":\"/\",\"path_encoded\":\"L2hvbWUvY2Fm6Q==\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(response.headers().firstValue("Location"))
                .contains("http://localhost" + agentPath + "/browse-requests/" + requestId);
        assertThat(asked).singleElement().satisfies(command -> {
            assertThat(command.agent()).isEqualTo(agent);
            assertThat(command.requestId().toString()).isEqualTo(requestId);
            assertThat(command.work()).isEqualTo(new RequestedWork.BrowseHost("/",
                    Optional.of(Base64Text.of("L2hvbWUvY2Fm6Q==", "p"))));
        });
    }

    @Test
    void aBrowseRequest_withoutAnEncodedPath_orAnEmptyOne_browsesThePath() {
        askedRequestsAreOpened();

        assertThat(post("/browse-requests", "{\"path\":\"/var\",\"path_encoded\":\"\"}").statusCode()).isEqualTo(202);
        assertThat(post("/browse-requests", "{\"path\":\"/etc\",\"path_encoded\":null}").statusCode()).isEqualTo(202);
        assertThat(post("/browse-requests", "{\"path\":\"/srv\"}").statusCode()).isEqualTo(202);
        assertThat(asked).extracting(AskAgentCommand::work).containsExactly(TestRequests.browse("/var"),
                TestRequests.browse("/etc"), TestRequests.browse("/srv"));
    }

    @Test
    void aMalformedBrowseRequest_is400NamingTheField_andAsksNothing() {
        askedRequestsAreOpened();

        assertError(post("/browse-requests", "{\"path\":\"/\",\"path_encoded\":\"/optional/base64encoded/path/\"}"), 400,
                "path_encoded must be base64");
        assertError(post("/browse-requests", "{\"path_encoded\":\"L2E=\"}"), 400, "path is required");
        assertError(post("/browse-requests", "{\"path\":\"/a\\u0000b\"}"), 400, "NUL");
        assertError(post("/browse-requests", "{\"path\":\"/\",\"path_encoded\":7}"), 400, "path_encoded must be a string");
        assertError(post("/browse-requests", "{\"path\":\"" + "a".repeat(RequestedWork.MAX_PATH_LENGTH + 1) + "\"}"), 400,
                "path must be at most");
        assertThat(asked).isEmpty();
    }

    @Test
    void aVerificationRequest_ofTheReferencesExample_asksAboutTheNamedAgentsVault_orTheAgentsOwn() {
        askedRequestsAreOpened();
        AgentId other = TestSessions.newAgent();

        HttpResponse<String> response = post("/vault-password-verification-requests", "{\"encrypted_password_hex\":\""
                + TestRequests.EXAMPLE_PASSWORD_HEX + "\",\"agent_id\":\"" + other + "\"}");
        post("/vault-password-verification-requests", "{\"encrypted_password_hex\":\"00ff\",\"agent_id\":null}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/vault-password-verification-requests/");
        assertThat(asked).extracting(AskAgentCommand::work).containsExactly(
                new RequestedWork.VerifyVaultPassword(new EncryptedPassword(TestRequests.EXAMPLE_PASSWORD_HEX), other),
                new RequestedWork.VerifyVaultPassword(new EncryptedPassword("00ff"), agent));
    }

    @Test
    void aVaultRequest_inTheWrongVaultState_is403WithTheReferencesMessage() {
        api.askAgent = command -> {
            throw new VaultStateException("Encryption is not enabled for this agent's vault.");
        };

        assertError(post("/vault-password-verification-requests", "{\"encrypted_password_hex\":\"00ff\"}"), 403,
                "Encryption is not enabled for this agent's vault.");
        assertError(post("/vault-password-verification-requests", "{\"encrypted_password_hex\":\"0g\"}"), 400,
                "encrypted_password_hex must be hexadecimal digits");
        assertError(post("/vault-password-verification-requests", "{\"encrypted_password_hex\":\"00\",\"agent_id\":\"x\"}"),
                400, "agent_id must be an agent's id");
    }

    @Test
    void anEncryptionRequest_enablesWithoutAnOldPassword_andChangesWithOne() {
        askedRequestsAreOpened();

        assertThat(post("/vault-encryption-requests", "{\"old_encrypted_password_hex\":null,\"new_encrypted_password_hex\":\""
                + TestRequests.EXAMPLE_PASSWORD_HEX + "\"}").statusCode()).isEqualTo(202);
        assertThat(post("/vault-encryption-requests",
                "{\"old_encrypted_password_hex\":\"0a0b\",\"new_encrypted_password_hex\":\"0c0d\"}").statusCode()).isEqualTo(202);
        assertError(post("/vault-encryption-requests", "{\"old_encrypted_password_hex\":\"0a0b\"}"), 400,
                "new_encrypted_password_hex is required");

        assertThat(asked).extracting(AskAgentCommand::work).containsExactly(
                new RequestedWork.EncryptVault(Optional.empty(), new EncryptedPassword(TestRequests.EXAMPLE_PASSWORD_HEX)),
                TestRequests.change());
    }

    @Test
    void anAnswer_isReadAsTheReferencesResultBody_andIs204() {
        api.answerRequest = answers::add;
        String requestId = TestSessions.newRequest().toString();

        HttpResponse<String> browsed = post("/browse-requests/" + requestId, """
                {"succeeded": true, "path": "/path/to/browse/", "path_encoded": "L3BhdGg=",
                 "items": [{"name": "initrd.img", "name_encoded": "aW5pdHJk", "bytes": 0,
                            "mime_type": "application/x-symlink-file"},
                           {"name": "big.iso", "bytes": "9000000000", "mime_type": "application/octet-stream"}]}""");
        post("/vault-password-verification-requests/" + requestId, "{\"verified\": true}");
        post("/vault-encryption-requests/" + requestId, "{\"action\": \"enabled\", \"succeeded\": true}");

        assertThat(browsed.statusCode()).isEqualTo(204);
        assertThat(answers).extracting(AnswerAgentRequestCommand::answer).containsExactly(
                new RequestAnswer.BrowseListing(true, "/path/to/browse/", Optional.of(Base64Text.of("L3BhdGg=", "p")),
                        List.of(new BrowsedItem("initrd.img", Optional.of(Base64Text.of("aW5pdHJk", "n")), 0,
                                        "application/x-symlink-file"),
                                new BrowsedItem("big.iso", Optional.empty(), 9_000_000_000L, "application/octet-stream"))),
                new RequestAnswer.PasswordVerification(true),
                new RequestAnswer.EncryptionReport(EncryptionAction.ENABLED, true));
        assertThat(answers).allSatisfy(command -> assertThat(command.request().toString()).isEqualTo(requestId));
    }

    @Test
    void aMalformedAnswer_is400NamingTheField() {
        String path = "/browse-requests/" + TestSessions.newRequest();
        assertError(post(path, "{\"path\":\"/\",\"items\":[]}"), 400, "succeeded is required");
        assertError(post(path, "{\"succeeded\":true,\"path\":\"/\"}"), 400, "items is required");
        assertError(post(path, "{\"succeeded\":true,\"path\":\"/\",\"items\":[{\"name\":\"a\",\"bytes\":-1,\"mime_type\":\"x\"}]}"),
                400, "items[0].bytes");
        assertError(post(path, "{\"succeeded\":true,\"path\":\"/\",\"items\":[{\"name\":\"a\",\"bytes\":1,\"mime_type\":\"x\","
                + "\"name_encoded\":\"***\"}]}"), 400, "items[0].name_encoded must be base64");
        assertError(post(path, "{\"succeeded\":true,\"path\":\"/\",\"items\":[{\"bytes\":1,\"mime_type\":\"x\"}]}"), 400,
                "items[0].name is required");
        assertError(post("/vault-password-verification-requests/" + TestSessions.newRequest(), "{\"verified\":\"yes\"}"),
                400, "verified must be true or false");
        assertError(post("/vault-encryption-requests/" + TestSessions.newRequest(), "{\"action\":\"done\",\"succeeded\":true}"),
                400, "action must be enabled or changed");
        assertError(post("/browse-requests/not-a-uuid", "{\"succeeded\":true,\"path\":\"/\",\"items\":[]}"), 404,
                "request not found");
    }

    @Test
    void aSecondAnswer_is409_andAnUnknownRequest_is404() {
        api.answerRequest = command -> {
            throw new AnswerRefusedException("browse request " + command.request() + " was answered already");
        };
        assertError(post("/browse-requests/" + TestSessions.newRequest(), "{\"succeeded\":true,\"path\":\"/\",\"items\":[]}"),
                409, "answered already");
        api.answerRequest = command -> {
            throw new RequestNotFoundException("browse request " + command.request() + " expired unanswered at …");
        };
        assertError(post("/browse-requests/" + TestSessions.newRequest(), "{\"succeeded\":true,\"path\":\"/\",\"items\":[]}"),
                404, "expired unanswered");
    }

    @Test
    void aBrowseAnswer_mayBeLargerThanOtherBodies_upToItsOwnLimit() {
        api.answerRequest = answers::add;
        String items = "{\"name\":\"file-with-a-long-name-0123456789.txt\",\"bytes\":1,\"mime_type\":\"text/plain\"},".repeat(2_000);
        String listing = "{\"succeeded\":true,\"path\":\"/\",\"items\":[" + items.substring(0, items.length() - 1) + "]}";
        assertThat(listing.length()).isGreaterThan(ApiRouter.MAX_BODY_BYTES);

        assertThat(post("/browse-requests/" + TestSessions.newRequest(), listing).statusCode()).isEqualTo(204);
        assertThat(((RequestAnswer.BrowseListing) answers.get(0).answer()).items()).hasSize(2_000);
        assertError(post("/vault-password-verification-requests/" + TestSessions.newRequest(), listing), 413,
                "larger than 64 KiB");
        assertError(post("/browse-requests", listing), 413, "larger than 64 KiB");
    }

    @Test
    void aBrowseAnswer_overItsLimit_is413SayingTheLimit() {
        try (TestApi limited = new TestApi(ApiOptions.defaults().withBrowseAnswerLimit(128 * 1024))) {
            String body = "{\"succeeded\":true,\"path\":\"/\",\"items\":[],\"pad\":\"" + "x".repeat(200 * 1024) + "\"}";
            assertError(limited.authorized("POST", agentPath + "/browse-requests/" + TestSessions.newRequest(), body), 413,
                    "larger than 128 KiB");
        }
    }

    private static AgentRequest answeredBrowse(AgentId agent, RequestAnswer answer) {
        AgentRequest request = AgentRequest.open(TestApi.PROJECT, agent, TestSessions.newRequest(), TestRequests.browse("/"),
                AT, Duration.ofMinutes(5));
        return request.withAnswer(new AgentRequest.Answer(answer, new EventId(5_650_135_594L), AT), AT.plusSeconds(300));
    }

    private static PendingAnswer answered(AgentRequest request) {
        return pending(CompletableFuture.completedFuture(request));
    }

    private static PendingAnswer pending(CompletableFuture<AgentRequest> answer) {
        return new PendingAnswer() {
            @Override
            public CompletionStage<AgentRequest> answer() {
                return answer;
            }

            @Override
            public void answerNow() {
                answer.completeExceptionally(new RequestNotFoundException("browse request has no answer yet"));
            }

            @Override
            public void cancel() {
                answer.cancel(false);
            }
        };
    }

    @Test
    void theResultOfABrowse_isTheAnswersEvent_withTheListing() {
        RequestAnswer listing = new RequestAnswer.BrowseListing(true, "/path/to/browse/",
                Optional.of(Base64Text.of("L3BhdGg=", "p")), List.of(new BrowsedItem("initrd.img",
                Optional.of(Base64Text.of("aW5pdHJk", "n")), 0, "application/x-symlink-file")));
        AgentRequest request = answeredBrowse(agent, listing);
        List<ReadAnswerQuery> queries = new ArrayList<>();
        api.readAnswer = query -> {
            queries.add(query);
            return answered(request);
        };

        JsonNode result = json.ok(api.authorized("GET", agentPath + "/browse-requests/" + request.id(), null));

        assertThat(result.get("id").asText()).isEqualTo("5650135594");
        assertThat(result.get("time").asText()).isEqualTo("2014-10-09T12:26:26.233501Z");
        assertThat(result.get("event").asText()).isEqualTo("host_browsed");
        assertThat(result.get("agent").get("id").asText()).isEqualTo(agent.toString());
        assertThat(result.get("request_id").asText()).isEqualTo(request.id().toString());
        assertThat(result.get("succeeded").asBoolean()).isTrue();
        assertThat(result.get("path_encoded").asText()).isEqualTo("L3BhdGg=");
        assertThat(result.get("items").get(0).get("name_encoded").asText()).isEqualTo("aW5pdHJk");
        assertThat(result.get("items").get(0).get("bytes").isIntegralNumber()).isTrue();
        assertThat(queries).singleElement().satisfies(query -> {
            assertThat(query.kind()).isEqualTo(RequestKind.BROWSE);
            assertThat(query.maxWait()).isZero();
        });
    }

    @Test
    void theResultsOfVaultRequests_sayValidOrSucceeded() {
        api.readAnswer = query -> answered(AgentRequest.open(TestApi.PROJECT, agent, query.request(),
                query.kind() == RequestKind.VAULT_ENCRYPTION ? TestRequests.enable() : TestRequests.verify(agent), AT,
                Duration.ofMinutes(5)).withAnswer(new AgentRequest.Answer(query.kind() == RequestKind.VAULT_ENCRYPTION
                ? new RequestAnswer.EncryptionReport(EncryptionAction.ENABLED, true)
                : new RequestAnswer.PasswordVerification(false), new EventId(5_650_135_586L), AT), AT.plusSeconds(300)));

        JsonNode verified = json.ok(api.authorized("GET", agentPath + "/vault-password-verification-requests/"
                + TestSessions.newRequest(), null));
        JsonNode encrypted = json.ok(api.authorized("GET", agentPath + "/vault-encryption-requests/"
                + TestSessions.newRequest(), null));

        assertThat(verified.get("event").asText()).isEqualTo("vault_password_verified");
        assertThat(verified.get("valid").asBoolean()).isFalse();
        assertThat(encrypted.get("event").asText()).isEqualTo("vault_encryption_enabled");
        assertThat(encrypted.get("succeeded").asBoolean()).isTrue();
    }

    @Test
    void theEventsOfRequestsAndAnswers_carryTheReferencesFields() {
        AgentId vaultOwner = TestSessions.newAgent();
        List<io.agentevents.domain.event.AgentRequestEvent> events = List.of(
                new AgentRequested(agent, TestSessions.newRequest(), new RequestedWork.BrowseHost("/path/to/browse",
                        Optional.of(Base64Text.of("L3BhdGg=", "p"))), AT),
                new AgentRequested(agent, TestSessions.newRequest(), new RequestedWork.VerifyVaultPassword(
                        new EncryptedPassword(TestRequests.EXAMPLE_PASSWORD_HEX), vaultOwner), AT),
                new AgentRequested(agent, TestSessions.newRequest(), TestRequests.enable(), AT),
                new AgentRequested(agent, TestSessions.newRequest(), TestRequests.change(), AT),
                new AgentRequested(agent, TestSessions.newRequest(), new RequestedWork.UploadLogfile(AT), AT),
                new RequestAnswered(agent, TestSessions.newRequest(), TestRequests.listing("/x"), AT),
                new RequestAnswered(agent, TestSessions.newRequest(), new RequestAnswer.PasswordVerification(true), AT),
                new RequestAnswered(agent, TestSessions.newRequest(),
                        new RequestAnswer.EncryptionReport(EncryptionAction.CHANGED, false), AT),
                new LogfileProgressed(agent, TestSessions.newRequest(), LogfileState.STARTED, AT),
                new LogfileProgressed(agent, TestSessions.newRequest(), LogfileState.COMPLETED, AT));
        List<StoredEvent> stored = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            stored.add(new StoredEvent(new EventId(5_650_135_590L + i), events.get(i), events.get(i).request()));
        }
        api.listProjectEvents = query -> new EventPage(stored, Optional.empty(), Optional.empty());

        JsonNode page = json.ok(api.authorized("GET", "/v2/p1/events", null)).get("events");

        assertThat(page).extracting(event -> event.get("event").asText()).containsExactly("host_browse",
                "vault_password_verify", "vault_encryption_enable", "vault_encryption_change", "logfile_upload",
                "host_browsed", "vault_password_verified", "vault_encryption_changed", "logfile_started",
                "logfile_completed");
        assertThat(page.get(0).get("path").asText()).isEqualTo("/path/to/browse");
        assertThat(page.get(0).get("path_encoded").asText()).isEqualTo("L3BhdGg=");
        assertThat(page.get(1).get("encrypted_password_hex").asText()).isEqualTo(TestRequests.EXAMPLE_PASSWORD_HEX);
        assertThat(page.get(1).get("vault_agent").get("id").asText()).isEqualTo(vaultOwner.toString());
        assertThat(page.get(2).get("encrypted_password_hex").asText()).isEqualTo("0a0b");
        assertThat(page.get(3).get("old_encrypted_password_hex").asText()).isEqualTo("0a0b");
        assertThat(page.get(3).get("new_encrypted_password_hex").asText()).isEqualTo("0c0d");
        assertThat(page.get(4).has("links")).as("no container configured: no link").isFalse();
        assertThat(page.get(5).get("succeeded").asBoolean()).isTrue();
        assertThat(page.get(5).has("items")).as("a listing stays out of the feed").isFalse();
        assertThat(page.get(6).get("valid").asBoolean()).isTrue();
        assertThat(page.get(7).get("succeeded").asBoolean()).isFalse();
        for (int i = 0; i < events.size(); i++) {
            assertThat(page.get(i).get("request_id").asText()).isEqualTo(events.get(i).request().toString());
            assertThat(page.get(i).get("agent").get("id").asText()).isEqualTo(agent.toString());
        }
    }

    @Test
    void noAnswerYet_is404_andAWaitHoldsItUntilTheAnswer() throws Exception {
        api.readAnswer = query -> pending(CompletableFuture.failedFuture(
                new RequestNotFoundException("browse request " + query.request() + " has no answer yet")));
        assertError(api.authorized("GET", agentPath + "/browse-requests/" + TestSessions.newRequest(), null), 404,
                "has no answer yet");

        CompletableFuture<AgentRequest> later = new CompletableFuture<>();
        List<ReadAnswerQuery> waits = new ArrayList<>();
        api.readAnswer = query -> {
            waits.add(query);
            return pending(later);
        };
        var response = CompletableFuture.supplyAsync(() -> api.authorized("GET", agentPath + "/browse-requests/"
                + TestSessions.newRequest() + "?wait=5", null));
        while (waits.isEmpty()) {
            Thread.onSpinWait();
        }
        assertThat(waits.get(0).maxWait()).isEqualTo(Duration.ofSeconds(5));
        later.complete(answeredBrowse(agent, TestRequests.listing("/", "a")));

        assertThat(json.ok(response.get()).get("items").get(0).get("name").asText()).isEqualTo("a");
        assertError(api.authorized("GET", agentPath + "/browse-requests/" + TestSessions.newRequest() + "?wait=31", null),
                400, "wait must be a whole number");
    }
}
