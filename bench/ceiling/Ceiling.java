import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;
import java.util.UUID;

/**
 * The HTTP ceiling of this machine for the benchmarks: the same Vert.x Web stack as agent-events,
 * one server on one event loop, doing only what any handler must do.
 * Run with the product's jar on the class path (it carries Vert.x and Jackson):
 * {@code java -cp bootstrap/target/agent-events.jar bench/ceiling/Ceiling.java PORT}
 */
public final class Ceiling {

    private static final Set<String> MODES = Set.of("idle", "active", "real_time");
    private static final String AGENT_PAGE = "http://localhost:18101/v2/bench/agents/617a07c8-c134-44a4-bf29-a7ea5cd113cf/events?";
    /** An idle agent's empty check-in page, as agent-events writes it (311 bytes). */
    private static final String EMPTY_PAGE = "{\"events\":[],\"links\":[{\"href\":\"" + AGENT_PAGE
            + "marker=1796683044661418&limit=100&sort_dir=asc\",\"rel\":\"next\"},{\"href\":\"" + AGENT_PAGE
            + "limit=100&sort_dir=asc\",\"rel\":\"previous\"}]}";

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/hello").handler(context -> context.response().putHeader("Content-Type", "text/plain").end("hello"));
        // The check-in's reply served bare: its headers and body, none of its work. What it costs
        // over /hello is the price of the answer's shape, which no implementation of the API avoids.
        router.get("/checkin-reply").handler(context -> context.response()
                .putHeader("X-Request-Id", UUID.randomUUID().toString())
                .putHeader("X-Agent-Mode", "idle").putHeader("X-Poll-Interval-Ms", "10000")
                .putHeader("Content-Type", "application/json; charset=utf-8").end(EMPTY_PAGE));
        router.post("/v2/:project/events").handler(BodyHandler.create().setBodyLimit(64 * 1024)).handler(context -> {
            JsonObject body;
            try {
                body = context.body().asJsonObject();
            } catch (RuntimeException notJson) {
                body = null;
            }
            if (body == null || !"agent_activate".equals(body.getValue("event"))
                    || !MODES.contains(String.valueOf(body.getValue("mode")))) {
                context.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                        .end("{\"code\":\"bad_request\"}");
                return;
            }
            context.response().setStatusCode(202).end();
        });
        vertx.createHttpServer().requestHandler(router).listen(port).await();
        System.out.println("ceiling listening on " + port);
    }
}
