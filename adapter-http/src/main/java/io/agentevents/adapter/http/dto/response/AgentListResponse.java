package io.agentevents.adapter.http.dto.response;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agentevents.adapter.http.wire.PublicUrl;
import io.agentevents.adapter.http.wire.WireNames;
import io.agentevents.application.port.in.agent.AgentList;
import io.agentevents.application.port.in.agent.ListAgentsQuery;
import io.agentevents.domain.AgentId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code {"agents":[…]}}: every agent of the project, or of one host machine; empty when there are
 * none. A paged list ({@code marker} or {@code limit} asked) adds {@code links}, with {@code next}
 * while more agents match.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentListResponse(List<AgentResponse> agents, List<LinkResponse> links) {

    public static AgentListResponse from(AgentList list, ListAgentsQuery query, boolean withStatus, boolean paged,
                                         PublicUrl publicUrl) {
        List<AgentResponse> agents = list.agents().stream().map(listed -> withStatus
                ? AgentResponse.from(listed.agent(), publicUrl).withStatus(AgentStatusResponse.from(listed.status()))
                : AgentResponse.from(listed.agent(), publicUrl)).toList();
        List<LinkResponse> links = paged ? list.next().map(next -> List.of(LinkResponse.of("next",
                publicUrl.at(nextPage(query, withStatus, next))))).orElse(List.of()) : null;
        return new AgentListResponse(agents, links);
    }

    /** The same query from after {@code next}: its filters, its limit and what it includes. */
    private static String nextPage(ListAgentsQuery query, boolean withStatus, AgentId next) {
        List<String> params = new ArrayList<>();
        if (withStatus) {
            params.add("include=status");
        }
        query.hostMachineId().ifPresent(machine -> params.add("host_machine_id=" + URLEncoder.encode(machine,
                StandardCharsets.UTF_8)));
        query.online().ifPresent(online -> params.add("online=" + online));
        query.mode().ifPresent(mode -> params.add("mode=" + WireNames.of(mode)));
        params.add("marker=" + next);
        query.limit().ifPresent(limit -> params.add("limit=" + limit));
        return "/v2/" + query.project() + "/agents?" + String.join("&", params);
    }
}
