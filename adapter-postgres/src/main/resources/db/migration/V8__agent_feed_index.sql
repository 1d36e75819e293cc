-- The last event of an agent's own feed (without its heartbeats) in one index probe: the
-- notification that carries what grew in a feed says which event came before, read under the
-- project's counter lock. Project activations (no agent) stay out of it: they have their own
-- index, and a project-wide wake-up writes thousands of them a second. Earlier releases ignore
-- the index. An operator may have built it beforehand, concurrently (docs/OPERATIONS.md).
CREATE INDEX IF NOT EXISTS events_agent_feed ON events (project_id, agent_id, id)
    WHERE type <> 'agent_heartbeat' AND agent_id IS NOT NULL;
