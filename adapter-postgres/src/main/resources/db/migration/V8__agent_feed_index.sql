-- The last event of an agent's own feed (without its heartbeats) in one index probe: the
-- notification that carries what grew in a feed says which event came before, read under the
-- project's counter lock. Earlier releases ignore the index. An operator may have built it
-- beforehand, concurrently (docs/OPERATIONS.md).
CREATE INDEX IF NOT EXISTS events_agent_feed ON events (project_id, agent_id, id) WHERE type <> 'agent_heartbeat';
