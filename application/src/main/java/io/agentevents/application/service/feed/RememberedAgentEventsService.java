package io.agentevents.application.service.feed;

import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.in.feed.ListAgentEventsUseCase;
import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.service.FeedStamps;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.application.service.RememberedAnswers;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.event.EventPageRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * Answers an agent's poll from memory when it can, before a store that is slow to read: most
 * polls find nothing new, and the empty page an agent was answered stays true until a signal of
 * its feed (or its project's) says otherwise, or its mode runs out. So the agent's next poll with
 * the same marker, the common case, is answered without reading the store; its check-in is still
 * recorded. Every other read goes to the store behind it.
 */
public class RememberedAgentEventsService implements ListAgentEventsUseCase {

    /** The last empty page answered to each agent, for this many agents at most. */
    static final int MAX_REMEMBERED_PAGES = 200_000;

    private record EmptyPage(EventPageRequest request, AgentEventsPage answer) {
    }

    private final ListAgentEventsUseCase store;
    private final PresenceBuffer presence;
    private final Clock clock;
    private final RememberedAnswers<AgentKey, EmptyPage> emptyPages;
    private final LongAdder answeredFromMemory = new LongAdder();

    public RememberedAgentEventsService(ListAgentEventsUseCase store, FeedStamps stamps, PresenceBuffer presence,
                                        Clock clock) {
        this.store = store;
        this.presence = presence;
        this.clock = clock;
        this.emptyPages = new RememberedAnswers<>(stamps, MAX_REMEMBERED_PAGES);
    }

    @Override
    public CompletionStage<AgentEventsPage> list(ListAgentEventsQuery query) {
        if (!(query.caller() instanceof AgentCaller)) {
            return store.list(query);
        }
        AgentKey key = new AgentKey(query.project(), query.agent());
        Optional<AgentEventsPage> known = recall(key, query);
        if (known.isPresent()) {
            try {
                Access.requireReaderOrAgentItself(query.caller(), query.project(), query.agent());
            } catch (RuntimeException denied) {
                return CompletableFuture.failedFuture(denied);
            }
            presence.checkIn(key, clock.instant(), query.requestId());
            answeredFromMemory.increment();
            return CompletableFuture.completedFuture(known.get());
        }
        long stamp = emptyPages.stampBeforeReading();
        return store.list(query).thenApply(answer -> {
            if (answer.page().events().isEmpty()) {
                emptyPages.remember(key, new EmptyPage(query.page(), answer), query.project(), query.agent(), stamp);
            }
            return answer;
        });
    }

    /** The page the agent was last answered for the same request, if nothing it shows changed since. */
    private Optional<AgentEventsPage> recall(AgentKey key, ListAgentEventsQuery query) {
        return emptyPages.recall(key)
                .filter(known -> known.request().equals(query.page()))
                .map(EmptyPage::answer)
                .filter(answer -> answer.directive().map(directive -> directive.holdsAt(clock.instant())).orElse(false));
    }

    /** How many polls were answered from memory (a metric). */
    public long answeredFromMemory() {
        return answeredFromMemory.sum();
    }
}
