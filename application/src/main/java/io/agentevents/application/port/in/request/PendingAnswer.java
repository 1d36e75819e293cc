package io.agentevents.application.port.in.request;

import io.agentevents.domain.request.AgentRequest;
import java.util.concurrent.CompletionStage;

/** An answer being read, or waited for; it ends once, whichever way. */
public interface PendingAnswer {

    /**
     * Completes with the request and its answer: at once when it has one, else when the agent
     * answers; fails with {@code RequestNotFoundException} (saying why) when it has none by the
     * deadline or at {@link #answerNow()}, or when it expired or was never made.
     */
    CompletionStage<AgentRequest> answer();

    /** Ends the wait at once with what there is (the node is stopping). */
    void answerNow();

    /** Nobody waits any more (the client went away): let go of everything, answer nothing. */
    void cancel();
}
