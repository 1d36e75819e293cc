package io.agentevents.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dashboard's files, as the service serves them: its own, under a strict Content-Security-Policy. */
class DashboardTest {

    private final TestApi api = new TestApi();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void thePage_itsScriptAndItsStyles_areServed_underAStrictPolicy() {
        HttpResponse<String> page = api.send("GET", "/dashboard/", null);
        HttpResponse<String> script = api.send("GET", "/dashboard/dashboard.js", null);
        HttpResponse<String> styles = api.send("GET", "/dashboard/dashboard.css", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.body()).contains("<script src=\"dashboard.js\" defer></script>", "<label for=\"token\">")
                .doesNotContain("<script>", "style=", "http://", "https://");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(script.body()).contains("X-Auth-Token", "sessionStorage").doesNotContain("localStorage", "document.cookie",
                "?token=", "eval(");
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    }

    @Test
    void theBarePath_redirectsToThePage_andNothingElseIsThere() {
        HttpResponse<String> bare = api.send("GET", "/dashboard", null);

        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).contains("/dashboard/");
        assertThat(api.send("GET", "/dashboard/missing.js", null).statusCode()).isEqualTo(404);
        assertThat(api.send("POST", "/dashboard/", "{}", "Content-Type", "application/json").statusCode()).isEqualTo(405);
    }
}
