package io.agentevents.adapter.http;

import static io.agentevents.adapter.http.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.in.feed.ListProjectEventsQuery;
import io.agentevents.application.port.in.feed.PollDirective;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.TestAgents;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.AgentRegistered;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.HeartbeatRecorded;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import io.agentevents.domain.session.AgentCameOnline;
import io.agentevents.domain.session.AgentWentOffline;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventReadHandlersTest {

    private static final Instant AT = Instant.parse("2014-10-09T12:26:14.233501Z");

    private final TestApi api = new TestApi();
    private final List<ListProjectEventsQuery> projectQueries = new ArrayList<>();
    private final AgentId agent = TestSessions.newAgent();
    private final RequestId request = TestSessions.newRequest();

    @AfterEach
    void stop() {
        api.close();
    }

    private void projectLogAnswers(EventPage page) {
        api.listProjectEvents = query -> {
            projectQueries.add(query);
            return page;
        };
    }

    @Test
    void projectEvents_defaultToNewestFirstAndAHundred() {
        projectLogAnswers(new EventPage(List.of(), Optional.empty(), Optional.empty()));

        HttpResponse<String> response = api.authorized("GET", "/v2/p1/events", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.codec.readTree(response.body()).get("events")).isEmpty();
        assertThat(projectQueries).singleElement().satisfies(query ->
                assertThat(query.page()).isEqualTo(new EventPageRequest(Optional.empty(), 100, SortDirection.DESC)));
    }

    @Test
    void projectEvents_renderEachKindAndTheLinks() {
        StoredEvent activation = new StoredEvent(new EventId(5650135583L),
                new AgentActivated(TestSessions.projectActivation(Mode.ACTIVE, AT)), request);
        StoredEvent registered = new StoredEvent(new EventId(5650135584L), new AgentRegistered(agent, "web-1", TestAgents.UBUNTU, AT), request);
        StoredEvent heartbeat = new StoredEvent(new EventId(5650135585L), new HeartbeatRecorded(agent, true, AT), request);
        EventPageRequest previous = new EventPageRequest(Optional.of(new EventId(5650135500L)), 3, SortDirection.ASC);
        projectLogAnswers(new EventPage(List.of(activation, registered, heartbeat), Optional.of(new EventId(5650135585L)),
                Optional.of(previous)));

        HttpResponse<String> response = api.authorized("GET", "/v2/p1/events?marker=10&limit=3&sort_dir=asc", null);

        JsonNode body = api.codec.readTree(response.body());
        JsonNode first = body.get("events").get(0);
        assertThat(first.get("id").asText()).isEqualTo("5650135583");
        assertThat(first.get("id").isTextual()).isTrue();
        assertThat(first.get("time").asText()).isEqualTo("2014-10-09T12:26:14.233501Z");
        assertThat(first.get("event").asText()).isEqualTo("agent_activate");
        assertThat(first.get("mode").asText()).isEqualTo("active");
        assertThat(first.get("expires_at").asText()).isEqualTo("2014-10-09T12:27:29.233501Z");
        assertThat(first.get("request_id").asText()).isEqualTo(request.toString());
        assertThat(first.has("agent")).isFalse();
        JsonNode second = body.get("events").get(1);
        assertThat(second.get("event").asText()).isEqualTo("agent_registered");
        assertThat(second.get("agent").get("id").asText()).isEqualTo(agent.toString());
        assertThat(second.get("agent").get("name").asText()).isEqualTo("web-1");
        assertThat(second.get("agent").get("host").get("os").get("name").asText()).isEqualTo("Ubuntu");
        assertThat(second.get("agent").get("host").get("os").get("version").asText()).isEqualTo("14.04");
        assertThat(second.get("agent").get("host").get("os").get("architecture").asText()).isEqualTo("64-bit");
        assertThat(body.get("events").get(2).get("busy").asBoolean()).isTrue();
        assertThat(body.get("links").get(0).get("rel").asText()).isEqualTo("next");
        assertThat(body.get("links").get(0).get("href").asText()).isEqualTo("http://localhost/v2/p1/events?marker=5650135585&limit=3&sort_dir=asc");
        assertThat(body.get("links").get(1).get("rel").asText()).isEqualTo("previous");
        assertThat(body.get("links").get(1).get("href").asText()).isEqualTo("http://localhost/v2/p1/events?marker=5650135500&limit=3&sort_dir=asc");
        assertThat(projectQueries.get(0).page()).isEqualTo(new EventPageRequest(Optional.of(new EventId(10)), 3, SortDirection.ASC));
    }

    @Test
    void presenceEvents_carryTheAgentAndNothingElse_asDocumented() {
        StoredEvent online = new StoredEvent(new EventId(5650135590L), new AgentCameOnline(agent, AT), request);
        StoredEvent offline = new StoredEvent(new EventId(5650135591L), new AgentWentOffline(agent, AT.plusSeconds(16)),
                request);
        projectLogAnswers(new EventPage(List.of(online, offline), Optional.of(new EventId(5650135591L)), Optional.empty()));

        JsonNode events = api.codec.readTree(api.authorized("GET", "/v2/p1/events?sort_dir=asc", null).body()).get("events");

        assertThat(events.get(0).get("event").asText()).isEqualTo("agent_online");
        assertThat(events.get(0).get("time").asText()).isEqualTo("2014-10-09T12:26:14.233501Z");
        assertThat(events.get(1).get("event").asText()).isEqualTo("agent_offline");
        assertThat(events.get(1).get("time").asText()).isEqualTo("2014-10-09T12:26:30.233501Z");
        for (JsonNode event : events) {
            assertThat(event.get("agent").get("id").asText()).isEqualTo(agent.toString());
            assertThat(event.get("request_id").asText()).isEqualTo(request.toString());
            assertThat(event.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "time", "event", "agent",
                    "request_id");
        }
    }

    @Test
    void timestamps_alwaysHaveSixFractionDigits() {
        Instant whole = Instant.parse("2026-01-01T00:00:00Z");
        projectLogAnswers(new EventPage(List.of(new StoredEvent(new EventId(1_000_000_001L), new HeartbeatRecorded(agent, false, whole), request)),
                Optional.of(new EventId(1_000_000_001L)), Optional.empty()));

        JsonNode body = api.codec.readTree(api.authorized("GET", "/v2/p1/events", null).body());

        assertThat(body.get("events").get(0).get("time").asText()).isEqualTo("2026-01-01T00:00:00.000000Z");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "limit=0|limit must be a whole number from 1 to 1000",
            "limit=1001|limit must be",
            "limit=ten|limit must be",
            "limit=-5|limit must be",
            "marker=abc|marker must be an event id",
            "marker=-1|marker must be an event id",
            "marker=|marker must be an event id",
            "sort_dir=up|sort_dir must be asc or desc",
            "limit=5&limit=6|limit must be given at most once"})
    void badQueryValues_are400(String query, String message) {
        assertError(api.authorized("GET", "/v2/p1/events?" + query, null), 400, message);
        assertError(api.authorized("GET", "/v2/p1/agents/" + agent + "/events?" + query, null), 400, message);
    }

    @Test
    void badQueryValues_areAllReported() {
        JsonNode body = assertError(api.authorized("GET", "/v2/p1/events?limit=0&sort_dir=up", null), 400, "limit");

        assertThat(body.get("errors")).hasSize(2);
    }

    @Test
    void agentEvents_defaultToOldestFirst_andTellThePollingAgentItsSchedule() {
        List<ListAgentEventsQuery> queries = new ArrayList<>();
        api.listAgentEvents = query -> {
            queries.add(query);
            return new AgentEventsPage(new EventPage(List.of(), Optional.empty(), Optional.empty()),
                    Optional.of(new PollDirective(Mode.REAL_TIME, Duration.ofMillis(300))));
        };

        HttpResponse<String> response = api.authorized("GET", "/v2/p1/agents/" + agent + "/events", null,
                "X-Agent-Id", agent.toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Agent-Mode")).contains("real_time");
        assertThat(response.headers().firstValue("X-Poll-Interval-Ms")).contains("300");
        assertThat(queries.get(0).page().direction()).isEqualTo(SortDirection.ASC);
        assertThat(queries.get(0).agent()).isEqualTo(agent);
        assertThat(response.body()).isEqualTo("{\"events\":[],\"links\":[]}");
    }

    @Test
    void agentEvents_readByAUser_carryNoPollHeaders() {
        api.listAgentEvents = query -> new AgentEventsPage(new EventPage(List.of(), Optional.of(new EventId(4)), Optional.empty()),
                Optional.empty());

        HttpResponse<String> response = api.authorized("GET", "/v2/p1/agents/" + agent + "/events/?marker=4", null);

        assertThat(response.headers().firstValue("X-Agent-Mode")).isEmpty();
        assertThat(api.codec.readTree(response.body()).get("links").get(0).get("href").asText())
                .isEqualTo("http://localhost/v2/p1/agents/" + agent + "/events?marker=4&limit=100&sort_dir=asc");
    }
}
