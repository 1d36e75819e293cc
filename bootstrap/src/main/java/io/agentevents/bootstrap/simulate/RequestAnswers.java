package io.agentevents.bootstrap.simulate;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What a simulated agent answers to the requests in its feed, as a real agent would: a browse
 * with a listing of the path it makes up, a vault password verification with {@code verified:
 * true}, an encryption with success, a log file upload with its two steps.
 */
final class RequestAnswers {

    /** A listing the size of a small directory. */
    private static final int ITEMS = 16;
    private static final long TIMEOUT_MILLIS = 30_000;

    private final ApiClient api;
    private final String agentPath;

    /** @param agentPath {@code /v2/<project>/agents/<id>} */
    RequestAnswers(ApiClient api, String agentPath) {
        this.api = api;
        this.agentPath = agentPath;
    }

    /** Answers the event if it asks this agent something; other events it leaves alone. */
    void answer(JsonObject event, String token) {
        String request = event.getString("request_id");
        switch (event.getString("event", "")) {
            case "host_browse" -> api.send(HttpMethod.POST, agentPath + "/browse-requests/" + request, token,
                    listingOf(event.getString("path", "/")), TIMEOUT_MILLIS);
            case "vault_password_verify" -> api.send(HttpMethod.POST, agentPath + "/vault-password-verification-requests/"
                    + request, token, new JsonObject().put("verified", true), TIMEOUT_MILLIS);
            case "vault_encryption_enable", "vault_encryption_change" -> api.send(HttpMethod.POST, agentPath
                    + "/vault-encryption-requests/" + request, token, new JsonObject()
                    .put("action", event.getString("event").endsWith("enable") ? "enabled" : "changed")
                    .put("succeeded", true), TIMEOUT_MILLIS);
            case "logfile_upload" -> api.sendArray(HttpMethod.PATCH, agentPath + "/logfiles/" + request, token,
                    step("started"), TIMEOUT_MILLIS).onSuccess(started -> api.sendArray(HttpMethod.PATCH,
                    agentPath + "/logfiles/" + request, token, step("completed"), TIMEOUT_MILLIS));
            default -> {
                // not a request of this agent: nothing to answer
            }
        }
    }

    private static JsonObject listingOf(String path) {
        JsonArray items = new JsonArray();
        for (int i = 0; i < ITEMS; i++) {
            items.add(new JsonObject().put("name", "file-" + i + ".dat").put("bytes", 1024L * i)
                    .put("mime_type", "application/octet-stream"));
        }
        return new JsonObject().put("succeeded", true).put("path", path).put("items", items);
    }

    private static JsonArray step(String state) {
        return new JsonArray().add(new JsonObject().put("op", "replace").put("path", "/state").put("value", state));
    }
}
