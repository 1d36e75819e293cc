package io.agentevents.application.port.in.feed;

import java.util.concurrent.CompletionStage;

/** A page being waited for; it is answered once, whichever way the wait ends. */
public interface PendingPage {

    /**
     * Completes with the page: at once when it has events or a user asked, else when events
     * arrive, the wait runs out, or {@link #answerNow()}; fails as {@link ListAgentEventsUseCase#list} does.
     */
    CompletionStage<AgentEventsPage> page();

    /** Answers with what it has, at once or as soon as its first read has (the node is stopping). */
    void answerNow();

    /** Nobody waits for the answer any more (the client went away): let go of everything, answer nothing. */
    void cancel();
}
