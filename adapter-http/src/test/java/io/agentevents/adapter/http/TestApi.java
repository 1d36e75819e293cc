package io.agentevents.adapter.http;

import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.application.memory.InMemoryIdempotencyRecords;
import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.access.AgentToken;
import io.agentevents.application.port.in.access.AuthenticateAgentCommand;
import io.agentevents.application.port.in.access.IdentifyCallerUseCase;
import io.agentevents.application.port.in.activation.ActivateAgentCommand;
import io.agentevents.application.port.in.activation.ActivateAgentsCommand;
import io.agentevents.application.port.in.agent.AgentConfiguration;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.logfile.LogfileQuery;
import io.agentevents.application.port.in.logfile.RequestLogfileCommand;
import io.agentevents.application.port.in.logfile.UpdateLogfileCommand;
import io.agentevents.application.port.in.request.AnswerAgentRequestCommand;
import io.agentevents.application.port.in.request.AskAgentCommand;
import io.agentevents.application.port.in.request.ReadAnswerUseCase;
import io.agentevents.domain.request.AgentRequest;
import io.agentevents.domain.request.Logfile;
import io.agentevents.application.port.in.agent.AgentRegistration;
import io.agentevents.application.port.in.agent.DeleteAgentCommand;
import io.agentevents.application.port.in.agent.AgentList;
import io.agentevents.application.port.in.agent.ListAgentsQuery;
import io.agentevents.application.port.in.agent.RegisterAgentCommand;
import io.agentevents.application.port.in.agent.UpdateAgentCommand;
import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.AwaitAgentEventsUseCase;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.in.feed.ListProjectEventsQuery;
import io.agentevents.application.port.in.feed.StreamProjectEventsUseCase;
import io.agentevents.application.port.in.feed.RecordAgentEventCommand;
import io.agentevents.application.port.in.idempotency.OnceOutcome;
import io.agentevents.application.port.in.idempotency.RunOnceCommand;
import io.agentevents.application.port.in.idempotency.RunOnceUseCase;
import io.agentevents.application.port.in.operations.CheckReadinessUseCase;
import io.agentevents.application.port.in.operations.Readiness;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.idempotency.RunOnceService;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.access.Role;
import io.agentevents.domain.access.UserCaller;
import io.agentevents.domain.agent.RegisteredAgent;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.session.AgentStatus;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The real router on a real server (port 0), with use cases the test sets as lambdas. Every use
 * case fails the test if called without being set.
 */
final class TestApi implements AutoCloseable {

    static final String TOKEN = "test-user-token";
    static final ProjectId PROJECT = new ProjectId("p1");

    final JsonCodec codec = new JsonCodec();
    Caller caller = new UserCaller(PROJECT, Role.ADMIN);

    IdentifyCallerUseCase identify = token -> token.value().equals(TOKEN)
            ? CompletableFuture.completedFuture(caller)
            : CompletableFuture.failedFuture(new NotAuthenticatedException("unknown token"));
    /* Each use case as the test says, answering at once; what it throws is the use case's failed stage. */
    Consumer<ActivateAgentsCommand> activateAgents = command -> unexpected();
    Consumer<ActivateAgentCommand> activateAgent = command -> unexpected();
    Function<ListProjectEventsQuery, EventPage> listProjectEvents = query -> unexpected();
    Function<RegisterAgentCommand, AgentRegistration> registerAgent = command -> unexpected();
    Function<AuthenticateAgentCommand, AgentToken> authenticateAgent = command -> unexpected();
    Function<ListAgentsQuery, AgentList> listAgents = query -> unexpected();
    Function<AgentQuery, RegisteredAgent> getAgent = query -> unexpected();
    Consumer<UpdateAgentCommand> updateAgent = command -> unexpected();
    Consumer<DeleteAgentCommand> deleteAgent = command -> unexpected();
    Consumer<RecordAgentEventCommand> recordAgentEvent = command -> unexpected();
    Function<ListAgentEventsQuery, AgentEventsPage> listAgentEvents = query -> unexpected();
    AwaitAgentEventsUseCase awaitAgentEvents = query -> unexpected();
    Function<AgentQuery, AgentStatus> agentStatus = query -> unexpected();
    Function<AgentQuery, AgentConfiguration> agentConfiguration = query -> unexpected();
    Function<AskAgentCommand, AgentRequest> askAgent = command -> unexpected();
    Consumer<AnswerAgentRequestCommand> answerRequest = command -> unexpected();
    ReadAnswerUseCase readAnswer = query -> unexpected();
    Function<RequestLogfileCommand, Logfile> requestLogfile = command -> unexpected();
    Function<AgentQuery, List<Logfile>> listLogfiles = query -> unexpected();
    Function<LogfileQuery, Logfile> getLogfile = query -> unexpected();
    Consumer<UpdateLogfileCommand> updateLogfile = command -> unexpected();
    Consumer<LogfileQuery> deleteLogfile = query -> unexpected();
    StreamProjectEventsUseCase streamProjectEvents = (query, reader) -> unexpected();
    /** The real bookkeeping, on keys in memory: tests see what is carried out, kept and replayed. */
    RunOnceUseCase runOnce = new RunOnceService(new InMemoryIdempotencyRecords(), Clock.systemUTC(), StoreCalls.inline());
    CheckReadinessUseCase readiness = () -> CompletableFuture.completedFuture(
            new Readiness(Readiness.Identity.NOT_CONFIGURED));

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    final Router router;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestApi() {
        this(ApiOptions.defaults());
    }

    TestApi(ApiOptions options) {
        ApiUseCases useCases = new ApiUseCases(
                token -> identify.identify(token),
                command -> done(activateAgents, command),
                command -> done(activateAgent, command),
                query -> answered(listProjectEvents, query),
                command -> answered(registerAgent, command),
                command -> answered(authenticateAgent, command),
                query -> answered(listAgents, query),
                query -> answered(getAgent, query),
                command -> done(updateAgent, command),
                command -> done(deleteAgent, command),
                command -> done(recordAgentEvent, command),
                query -> answered(listAgentEvents, query),
                query -> awaitAgentEvents.await(query),
                query -> answered(agentStatus, query),
                query -> answered(agentConfiguration, query),
                new RunOnceUseCase() {
                    @Override
                    public <T> CompletionStage<OnceOutcome<T>> runOnce(RunOnceCommand command,
                                                                       Supplier<CompletionStage<T>> request,
                                                                       Function<T, String> kept) {
                        return TestApi.this.runOnce.runOnce(command, request, kept);
                    }
                },
                () -> readiness.check(),
                new AgentRequestUseCases(
                        command -> answered(askAgent, command),
                        command -> done(answerRequest, command),
                        query -> readAnswer.read(query),
                        command -> answered(requestLogfile, command),
                        query -> answered(listLogfiles, query),
                        query -> answered(getLogfile, query),
                        command -> done(updateLogfile, command),
                        query -> done(deleteLogfile, query)),
                (query, reader) -> streamProjectEvents.open(query, reader));
        router = ApiRouter.create(vertx, useCases, codec, options);
        // As the service runs it: HTTP/1.1 only (no clear-text HTTP/2 upgrade).
        server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
                .requestHandler(router).listen(0).await();
    }

    private static <T, R> CompletionStage<R> answered(Function<T, R> useCase, T input) {
        try {
            return CompletableFuture.completedFuture(useCase.apply(input));
        } catch (RuntimeException failed) {
            return CompletableFuture.failedFuture(failed);
        }
    }

    private static <T> CompletionStage<Void> done(Consumer<T> useCase, T input) {
        return answered(in -> {
            useCase.accept(in);
            return null;
        }, input);
    }

    private static <T> T unexpected() {
        throw new AssertionError("use case called unexpectedly");
    }

    int port() {
        return server.actualPort();
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        return send(method, path, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
                headers);
    }

    /** A body of bytes as they are, which need not be text. */
    HttpResponse<String> sendBytes(String method, String path, byte[] body, String... headers) {
        return send(method, path, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception failed) {
            throw new AssertionError("request failed: " + method + " " + path, failed);
        }
        DocumentedAnswers.check(method, response.uri(), response);
        return response;
    }

    /** A request with the test token and a JSON content type. */
    HttpResponse<String> authorized(String method, String path, String body, String... extraHeaders) {
        String[] headers = new String[extraHeaders.length + 4];
        headers[0] = "X-Auth-Token";
        headers[1] = TOKEN;
        headers[2] = "Content-Type";
        headers[3] = "application/json";
        System.arraycopy(extraHeaders, 0, headers, 4, extraHeaders.length);
        return send(method, path, body, headers);
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
