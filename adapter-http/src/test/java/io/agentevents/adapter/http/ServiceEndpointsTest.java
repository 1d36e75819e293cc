package io.agentevents.adapter.http;

import static io.agentevents.adapter.http.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.adapter.http.support.ApiMetrics;
import io.agentevents.application.port.in.operations.Readiness;
import io.agentevents.application.port.out.access.IdentityUnavailableException;
import io.agentevents.application.port.out.StoreUnavailableException;
import io.agentevents.domain.event.EventPage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceEndpointsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final TestApi api = new TestApi(ApiOptions.defaults().withMetrics(new ApiMetrics(registry, registry::scrape)));

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void healthz_answersWithoutAToken() {
        HttpResponse<String> response = api.send("GET", "/healthz", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.codec.readTree(response.body()).get("status").asText()).isEqualTo("alive");
    }

    @Test
    void readyz_isReadyWhileTheStoreAnswers() {
        HttpResponse<String> response = api.send("GET", "/readyz", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.codec.readTree(response.body()).get("status").asText()).isEqualTo("ready");
    }

    @Test
    void readyz_whenTheStoreDoesNotAnswer_is503WithRetryAfter() {
        api.readiness = () -> CompletableFuture.failedFuture(
                new StoreUnavailableException("PostgreSQL does not answer", new RuntimeException("refused")));

        HttpResponse<String> response = api.send("GET", "/readyz", null);

        assertError(response, 503, "PostgreSQL does not answer");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void readyz_tellsOfTheIdentityService_andStaysReadyWithoutIt() {
        api.readiness = () -> CompletableFuture.completedFuture(new Readiness(Readiness.Identity.UNREACHABLE));
        HttpResponse<String> lost = api.send("GET", "/readyz", null);
        assertThat(lost.statusCode()).isEqualTo(200);
        assertThat(api.codec.readTree(lost.body()).get("identity").asText()).isEqualTo("unreachable");

        api.readiness = () -> CompletableFuture.completedFuture(new Readiness(Readiness.Identity.REACHABLE));
        assertThat(api.codec.readTree(api.send("GET", "/readyz", null).body()).get("identity").asText())
                .isEqualTo("reachable");
    }

    @Test
    void aTokenOnlyTheLostIdentityServiceCouldVouchFor_is503WithRetryAfter_not401() {
        api.identify = token -> CompletableFuture.failedFuture(
                new IdentityUnavailableException("the identity service does not answer; retry shortly"));

        HttpResponse<String> response = api.authorized("GET", "/v2/p1/events", null);

        assertError(response, 503, "identity service does not answer");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void operatorEndpoints_answerOtherMethodsWith405() {
        assertError(api.send("POST", "/healthz", "{}", "Content-Type", "application/json"), 405, "not allowed");
        assertThat(api.send("DELETE", "/metrics", null).headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void metrics_countRequestsByRouteMethodAndStatus_andActivationsByMode() {
        api.activateAgents = command -> { };
        api.listProjectEvents = query -> new EventPage(List.of(), Optional.empty(), Optional.empty());
        assertThat(api.authorized("POST", "/v2/p1/events", "{\"event\":\"agent_activate\",\"mode\":\"real_time\"}")
                .statusCode()).isEqualTo(202);
        api.authorized("GET", "/v2/p1/events", null);
        api.send("GET", "/v2/p1/events", null);

        HttpResponse<String> response = api.send("GET", "/metrics", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/v2/:project/events\",status=\"202\"} 1")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/v2/:project/events\",status=\"200\"} 1")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/v2/:project/events\",status=\"401\"} 1")
                .contains("http_server_requests_seconds_bucket{method=\"POST\",route=\"/v2/:project/events\",status=\"202\",le=\"0.1\"}")
                .contains("agent_events_activations_total{mode=\"real_time\",scope=\"project\"} 1")
                .contains("agent_events_long_polls_waiting 0")
                .doesNotContain(TestApi.TOKEN);
    }

    @Test
    void metrics_ofGarbagePaths_shareOneSeries() {
        for (int i = 0; i < 30; i++) {
            api.send("GET", "/no/such/" + UUID.randomUUID(), null);
        }

        String text = api.send("GET", "/metrics", null).body();

        assertThat(text).contains("http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"} 30")
                .doesNotContain("/no/such/");
    }

    @Test
    void storeErrors_areCounted() {
        api.listProjectEvents = query -> {
            throw new StoreUnavailableException("down", new RuntimeException());
        };
        api.authorized("GET", "/v2/p1/events", null);

        assertThat(api.send("GET", "/metrics", null).body()).contains("agent_events_store_errors_total 1");
    }
}
