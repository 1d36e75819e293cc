import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;

/**
 * The HTTP ceiling of this machine for the benchmarks: the same Vert.x Web stack as agent-events,
 * one server on one event loop like the product, doing only what any handler must do.
 * Run with the product's jar on the class path (it carries Vert.x and Jackson):
 * {@code java -cp bootstrap/target/agent-events.jar bench/ceiling/Ceiling.java PORT}
 */
public final class Ceiling {

    private static final Set<String> MODES = Set.of("idle", "active", "real_time");

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/hello").handler(context -> context.response().putHeader("Content-Type", "text/plain").end("hello"));
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
