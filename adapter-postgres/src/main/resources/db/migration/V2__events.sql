-- One counter row per project. An appending transaction locks it while it takes ids and holds
-- the lock until it commits, so ids become visible strictly in id order: a reader that passes the
-- largest id it has seen can never skip a slower writer's smaller id (a bare sequence hands out
-- ids before commit and allows exactly that).
CREATE TABLE event_counters (
    project_id text   PRIMARY KEY,
    last_id    bigint NOT NULL
);

CREATE TABLE events (
    project_id text        NOT NULL,
    id         bigint      NOT NULL,
    type       text        NOT NULL,
    at         timestamptz NOT NULL,
    -- the agent the event is about; NULL only for an activation of the whole project
    agent_id   uuid,
    mode       text,
    expires_at timestamptz,
    busy       boolean,
    agent_name text,
    host_os    text,
    request_id uuid        NOT NULL,
    PRIMARY KEY (project_id, id)
);
-- An agent's feed: its own events and the project's activations (agent_id IS NULL), by id.
CREATE INDEX events_by_agent ON events (project_id, agent_id, id);
-- Retention purges by time.
CREATE INDEX events_by_time ON events (at);
