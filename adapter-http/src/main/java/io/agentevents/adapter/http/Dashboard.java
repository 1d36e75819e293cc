package io.agentevents.adapter.http;

import io.agentevents.adapter.http.edge.AccessLog;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The dashboard at {@code /dashboard/}: three static files in the jar (a page, its script and its
 * styles), served by Vert.x's {@link StaticHandler} under a Content-Security-Policy that lets the
 * page load only its own files and call only this service, so no script from elsewhere runs in it.
 */
final class Dashboard {

    static final String PATH = "/dashboard";
    static final String RESOURCES = "io/agentevents/adapter/http/dashboard";

    /** Own files only; no inline script or style, no frames, no forms posted elsewhere, no base rewrite. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private Dashboard() {
    }

    static void register(Router router) {
        router.routeWithRegex(HttpMethod.GET, "^" + PATH + "$").handler(context -> context.redirect(PATH + "/"));
        StaticHandler files = StaticHandler.create(FileSystemAccess.RELATIVE, RESOURCES)
                .setIndexPage("index.html")
                .setDirectoryListing(false)
                .setIncludeHidden(false)
                .setMaxAgeSeconds(300);
        router.route(PATH + "/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(context -> {
                    AccessLog.markRoute(context, PATH + "/*");
                    context.response()
                            .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                            .putHeader("X-Content-Type-Options", "nosniff")
                            .putHeader("Referrer-Policy", "no-referrer")
                            .putHeader("Cross-Origin-Opener-Policy", "same-origin");
                    context.next();
                })
                .handler(files);
    }
}
