package io.agentevents.adapter.http;

import io.agentevents.adapter.http.dto.agentrequest.BrowseAnswerRequest;
import io.agentevents.adapter.http.dto.agentrequest.BrowseRequest;
import io.agentevents.adapter.http.dto.agentrequest.EncryptionAnswerRequest;
import io.agentevents.adapter.http.dto.agentrequest.EncryptionRequest;
import io.agentevents.adapter.http.dto.agentrequest.PasswordVerificationRequest;
import io.agentevents.adapter.http.dto.agentrequest.VerificationAnswerRequest;
import io.agentevents.adapter.http.route.request.DeleteLogfileHandler;
import io.agentevents.adapter.http.route.request.GetLogfileHandler;
import io.agentevents.adapter.http.route.request.GetLogfilesHandler;
import io.agentevents.adapter.http.route.request.GetRequestAnswerHandler;
import io.agentevents.adapter.http.route.request.PatchLogfileHandler;
import io.agentevents.adapter.http.route.request.PostAgentRequestHandler;
import io.agentevents.adapter.http.route.request.PostLogfileHandler;
import io.agentevents.adapter.http.route.request.PostRequestAnswerHandler;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.adapter.http.wire.LogfileLinks;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.domain.request.RequestAnswer;
import io.agentevents.domain.request.RequestKind;
import io.vertx.core.http.HttpMethod;
import java.util.function.Function;

/**
 * The routes of requests made of agents: for each kind, the client's POST, the agent's answer
 * (a POST to the request) and the client's GET of it; and the log files.
 */
final class AgentRequestRoutes {

    private static final String AGENT = "/v2/:project/agents/:agent/";

    private final Routes routes;
    private final AgentRequestUseCases requests;
    private final JsonCodec codec;
    private final ApiOptions options;

    AgentRequestRoutes(Routes routes, AgentRequestUseCases requests, JsonCodec codec, ApiOptions options) {
        this.routes = routes;
        this.requests = requests;
        this.codec = codec;
        this.options = options;
    }

    void register() {
        kind("browse-requests", RequestKind.BROWSE,
                (body, caller, project, agent, id) -> BrowseRequest.from(body).toCommand(caller, project, agent, id),
                BrowseAnswerRequest::from);
        kind("vault-password-verification-requests", RequestKind.VAULT_PASSWORD_VERIFICATION,
                (body, caller, project, agent, id) -> PasswordVerificationRequest.from(body)
                        .toCommand(caller, project, agent, id),
                VerificationAnswerRequest::from);
        kind("vault-encryption-requests", RequestKind.VAULT_ENCRYPTION,
                (body, caller, project, agent, id) -> EncryptionRequest.from(body).toCommand(caller, project, agent, id),
                EncryptionAnswerRequest::from);
        PublicUrl publicUrl = options.publicUrl();
        LogfileLinks links = options.logfileLinks();
        routes.secured(AGENT + "logfiles")
                .on(HttpMethod.POST, routes.idempotent(new PostLogfileHandler(requests.requestLogfile(), publicUrl, links)))
                .on(HttpMethod.GET, new GetLogfilesHandler(requests.listLogfiles(), publicUrl, links))
                .register();
        routes.secured(AGENT + "logfiles/:logfile")
                .on(HttpMethod.GET, new GetLogfileHandler(requests.getLogfile(), publicUrl, links))
                .on(HttpMethod.PATCH, new PatchLogfileHandler(requests.updateLogfile(), codec))
                .on(HttpMethod.DELETE, new DeleteLogfileHandler(requests.deleteLogfile()))
                .register();
    }

    private void kind(String collection, RequestKind kind, PostAgentRequestHandler.BodyReader request,
                      Function<JsonBody, RequestAnswer> answer) {
        routes.secured(AGENT + collection)
                .on(HttpMethod.POST, routes.idempotent(new PostAgentRequestHandler(requests.ask(), codec,
                        options.publicUrl(), collection, request)))
                .register();
        routes.secured(AGENT + collection + "/:request")
                .on(HttpMethod.GET, new GetRequestAnswerHandler(requests.readAnswer(), kind, options.waitingPolls()))
                .on(HttpMethod.POST, routes.idempotent(new PostRequestAnswerHandler(requests.answer(), codec, answer)))
                .register();
    }
}
