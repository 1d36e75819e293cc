package io.agentevents.application.memory;

import io.agentevents.application.port.out.AgentRequests;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.request.AgentRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Requests made of agents, in memory; a claim and its answer are each one atomic change of the request's entry. */
public class InMemoryAgentRequests implements AgentRequests {

    private record Key(ProjectId project, RequestId request) {
    }

    /** A request as kept, and whether an answer to it has been claimed. */
    private record Kept(AgentRequest request, boolean claimed) {
    }

    private final ConcurrentMap<Key, Kept> requests = new ConcurrentHashMap<>();

    @Override
    public void open(AgentRequest request) {
        if (requests.putIfAbsent(new Key(request.project(), request.id()), new Kept(request, false)) != null) {
            throw new IllegalStateException("request " + request.id() + " is kept already");
        }
    }

    @Override
    public Optional<AgentRequest> find(ProjectId project, AgentId agent, RequestId request) {
        return Optional.ofNullable(requests.get(new Key(project, request))).map(Kept::request)
                .filter(found -> found.agent().equals(agent));
    }

    @Override
    public boolean claimAnswer(ProjectId project, AgentId agent, RequestId request, Instant now) {
        boolean[] claimed = {false};
        requests.computeIfPresent(new Key(project, request), (key, kept) -> {
            AgentRequest found = kept.request();
            if (kept.claimed() || !found.agent().equals(agent) || found.statusAt(now) != AgentRequest.Status.OPEN) {
                return kept;
            }
            claimed[0] = true;
            return new Kept(found, true);
        });
        return claimed[0];
    }

    @Override
    public void keepAnswer(ProjectId project, AgentId agent, RequestId request, AgentRequest.Answer answer,
                           Instant keptUntil) {
        Kept answered = requests.computeIfPresent(new Key(project, request), (key, kept) -> kept.claimed()
                && kept.request().answer().isEmpty() && kept.request().agent().equals(agent)
                ? new Kept(kept.request().withAnswer(answer, keptUntil), true) : kept);
        if (answered == null || answered.request().answer().isEmpty()) {
            throw new IllegalStateException("request " + request + " was not claimed for an answer");
        }
    }

    @Override
    public long purgeExpiredBefore(Instant cutoff) {
        long before = requests.size();
        requests.values().removeIf(kept -> kept.request().expiresAt().isBefore(cutoff));
        return Math.max(0, before - requests.size());
    }

    @Override
    public void removeAll(ProjectId project, AgentId agent) {
        requests.values().removeIf(kept -> kept.request().project().equals(project) && kept.request().agent().equals(agent));
    }

    @Override
    public long size() {
        return requests.size();
    }
}
