package io.agentevents.application.service;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers read from the store, remembered for as long as {@link FeedStamps} tell that nothing
 * they depend on changed: so a node can answer again without reading, and never from a value
 * that a change it was signalled of made old. Each answer belongs to one agent, whose feed
 * stamps decide. Bounded: past its size it forgets everything and starts over.
 */
public final class RememberedAnswers<K, V> {

    private record Remembered<V>(V value, ProjectId project, AgentId agent, long stamp) {
    }

    private final FeedStamps stamps;
    private final int maxSize;
    private final Map<K, Remembered<V>> answers = new ConcurrentHashMap<>();

    public RememberedAnswers(FeedStamps stamps, int maxSize) {
        this.stamps = stamps;
        this.maxSize = maxSize;
    }

    /** The stamp to take before reading the store for an answer that may be remembered. */
    public long stampBeforeReading() {
        return stamps.now();
    }

    /** Remembers what was read after {@code stamp}, unless signals are not arriving. */
    public void remember(K key, V value, ProjectId project, AgentId agent, long stamp) {
        if (!stamps.trusted()) {
            return;
        }
        if (answers.size() >= maxSize) {
            answers.clear();
        }
        answers.put(key, new Remembered<>(value, project, agent, stamp));
    }

    /** The remembered answer, if its agent's feed has not changed since it was read. */
    public Optional<V> recall(K key) {
        Remembered<V> remembered = answers.get(key);
        if (remembered == null) {
            return Optional.empty();
        }
        if (!stamps.unchangedSince(remembered.stamp(), remembered.project(), remembered.agent())) {
            answers.remove(key, remembered);
            return Optional.empty();
        }
        return Optional.of(remembered.value());
    }

    int size() {
        return answers.size();
    }
}
