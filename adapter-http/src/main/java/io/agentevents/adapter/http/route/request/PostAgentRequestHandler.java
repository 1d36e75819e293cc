package io.agentevents.adapter.http.route.request;

import io.agentevents.adapter.http.edge.Authenticator;
import io.agentevents.adapter.http.edge.RequestIds;
import io.agentevents.adapter.http.route.PathParams;
import io.agentevents.adapter.http.route.RequestBodies;
import io.agentevents.adapter.http.support.Endpoint;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.Reply;
import io.agentevents.adapter.http.support.Stages;
import io.agentevents.adapter.http.wire.JsonBody;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.application.port.in.request.AskAgentCommand;
import io.agentevents.application.port.in.request.AskAgentUseCase;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v2/{p}/agents/{a}/browse-requests}, {@code …/vault-password-verification-requests}
 * and {@code …/vault-encryption-requests}: 202, no body, and the {@code Location} where the
 * answer will be, whose last segment is the request's id (its events' {@code request_id}).
 */
public final class PostAgentRequestHandler implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(PostAgentRequestHandler.class);

    /** Reads one kind of request's body into its command. */
    @FunctionalInterface
    public interface BodyReader {
        AskAgentCommand commandOf(JsonBody body, Caller caller, ProjectId project, AgentId agent, RequestId requestId);
    }

    private final AskAgentUseCase ask;
    private final JsonCodec codec;
    private final PublicUrl publicUrl;
    private final String collection;
    private final BodyReader reader;

    /** @param collection the path segment of this kind's requests, like {@code browse-requests} */
    public PostAgentRequestHandler(AskAgentUseCase ask, JsonCodec codec, PublicUrl publicUrl, String collection,
                                   BodyReader reader) {
        this.ask = ask;
        this.codec = codec;
        this.publicUrl = publicUrl;
        this.collection = collection;
        this.reader = reader;
    }

    @Override
    public Future<Reply> handle(RoutingContext context) {
        ProjectId project = PathParams.project(context);
        AgentId agent = PathParams.agent(context);
        JsonBody body = RequestBodies.objectOf(context, codec);
        AskAgentCommand command = RequestBodies.parsed(() -> reader.commandOf(body, Authenticator.callerOf(context),
                project, agent, RequestIds.of(context)));
        return Stages.onContext(ask.ask(command), context.vertx()).map(request -> {
            // What was asked stays out of the log: it may hold a vault password, however encrypted.
            LOG.info("asked agent {} of project {}: {} {}", agent, project, collection, request.id());
            return Reply.of(202).withHeaders(Map.of("Location", publicUrl.at("/v2/" + project + "/agents/" + agent + "/"
                    + collection + "/" + request.id())));
        });
    }
}
