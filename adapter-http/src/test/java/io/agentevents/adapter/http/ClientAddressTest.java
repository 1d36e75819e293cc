package io.agentevents.adapter.http;

import static io.agentevents.adapter.http.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.adapter.http.client.TrustedProxies;
import io.agentevents.application.port.in.NotAuthenticatedException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who a request came from, as the sign-in and the rate limit see it, behind trusted proxies and without. */
class ClientAddressTest {

    private static final String SIGN_IN = "{\"id\":\"" + UUID.randomUUID() + "\",\"password\":\"pw\","
            + "\"host\":{\"fingerprint\":\"fp\"}}";

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private TestApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    private void serve(String trustedProxies, int rateLimit) {
        api = new TestApi(ApiOptions.defaults().withTrustedProxies(TrustedProxies.parse(trustedProxies))
                .withRateLimit(rateLimit));
        api.authenticateAgent = command -> {
            seen.add(command.clientAddress());
            throw new NotAuthenticatedException("wrong agent id or password");
        };
    }

    private String signInFrom(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        assertThat(api.send("POST", "/v2/p1/agents/tokens", SIGN_IN, all).statusCode()).isEqualTo(401);
        return seen.remove(seen.size() - 1);
    }

    @Test
    void withoutTrustedProxies_forwardingHeadersAreIgnored() {
        serve("", 0);

        assertThat(signInFrom()).isEqualTo("127.0.0.1");
        assertThat(signInFrom("X-Forwarded-For", "203.0.113.9")).isEqualTo("127.0.0.1");
        assertThat(signInFrom("Forwarded", "for=203.0.113.9")).isEqualTo("127.0.0.1");
    }

    @Test
    void fromATrustedProxy_theRightmostUntrustedHopIsTheClient() {
        serve("127.0.0.1,10.0.0.0/8", 0);

        assertThat(signInFrom()).as("no header: the proxy itself").isEqualTo("127.0.0.1");
        assertThat(signInFrom("X-Forwarded-For", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(signInFrom("X-Forwarded-For", "198.51.100.66, 203.0.113.9, 10.1.2.3"))
                .as("what the client wrote itself, left of its own address, proves nothing").isEqualTo("203.0.113.9");
        assertThat(signInFrom("X-Forwarded-For", "10.9.9.9, 10.1.2.3")).as("all trusted: the leftmost")
                .isEqualTo("10.9.9.9");
        assertThat(signInFrom("X-Forwarded-For", "203.0.113.9, unknown")).as("a hop the proxy could not name")
                .isEqualTo("127.0.0.1");
        assertThat(signInFrom("Forwarded", "for=198.51.100.66, for=\"[2001:db8::17]:4711\";proto=https",
                "X-Forwarded-For", "203.0.113.9")).as("Forwarded wins").isEqualTo("2001:db8:0:0:0:0:0:17");
    }

    @Test
    void fromAnAddressThatIsNotATrustedProxy_theHeadersAreIgnored() {
        serve("10.0.0.0/8", 0);

        assertThat(signInFrom("X-Forwarded-For", "203.0.113.9")).isEqualTo("127.0.0.1");
    }

    @Test
    void behindATrustedProxy_eachForwardedClientHasItsOwnBudget_andSignInsSpendNone() {
        serve("127.0.0.1", 2);

        for (int i = 0; i < 20; i++) {
            signInFrom("X-Forwarded-For", "203.0.113.9");
        }
        HttpResponse<String> refused = null;
        for (int i = 0; i < 10 && (refused == null || refused.statusCode() != 429); i++) {
            refused = api.send("GET", "/v2/p1/events", null, "X-Forwarded-For", "203.0.113.9");
        }
        assertError(refused, 429, "request budget exceeded");
        assertThat(api.send("GET", "/v2/p1/events", null, "X-Forwarded-For", "198.51.100.2").statusCode())
                .as("another client behind the same proxy: its own budget (no token: 401)").isEqualTo(401);
        assertThat(api.send("POST", "/v2/p1/agents/tokens", SIGN_IN, "Content-Type", "application/json",
                "X-Forwarded-For", "203.0.113.9").statusCode()).as("sign-ins are outside the budget").isEqualTo(401);
    }

    @Test
    void aWrongPasswordWithADelay_isAnsweredThatLate() {
        serve("", 0);
        api.authenticateAgent = command -> {
            throw new NotAuthenticatedException("wrong agent id or password", Duration.ofMillis(300));
        };

        long started = System.nanoTime();
        HttpResponse<String> late = api.send("POST", "/v2/p1/agents/tokens", SIGN_IN, "Content-Type", "application/json");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertError(late, 401, "wrong agent id or password");
        assertThat(late.headers().firstValue("Retry-After")).isEmpty();
    }
}
