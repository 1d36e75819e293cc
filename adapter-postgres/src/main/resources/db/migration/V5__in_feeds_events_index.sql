-- One read serves every waiting agent of a project when the whole project is activated: the
-- project's rows that show in some agent's feed (all but heartbeats), in id order from the oldest
-- waiting marker. Heartbeats are most of the log, so this index leaves them out and the read
-- stops at its limit without stepping over them.
CREATE INDEX events_in_feeds ON events (project_id, id) WHERE type <> 'agent_heartbeat';
