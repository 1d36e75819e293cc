-- Agents registered in each project. Only a salted hash of the one-time password is kept.
CREATE TABLE agents (
    project_id       text        NOT NULL,
    agent_id         uuid        NOT NULL,
    name             text        NOT NULL,
    version          text        NOT NULL,
    host_name        text        NOT NULL,
    host_os          text        NOT NULL,
    host_fingerprint text        NOT NULL,
    password_hash    text        NOT NULL,
    registered_at    timestamptz NOT NULL,
    PRIMARY KEY (project_id, agent_id)
);

-- The agent's own part of each session. The project's activation is kept once per project
-- (project_activations) and joined in on read, so activating a project is one row write.
CREATE TABLE agent_sessions (
    project_id              text        NOT NULL,
    agent_id                uuid        NOT NULL,
    activation_mode         text        CHECK (activation_mode IN ('idle', 'active', 'real_time')),
    activation_at           timestamptz,
    activation_expires_at   timestamptz,
    activation_request_id   uuid,
    last_check_in_at        timestamptz,
    last_heartbeat_event_at timestamptz,
    busy                    boolean     NOT NULL,
    shut_down               boolean     NOT NULL,
    PRIMARY KEY (project_id, agent_id),
    CHECK ((activation_mode IS NULL) = (activation_at IS NULL)),
    CHECK ((activation_mode IS NULL) = (activation_request_id IS NULL))
);

CREATE TABLE project_activations (
    project_id text        PRIMARY KEY,
    mode       text        NOT NULL CHECK (mode IN ('idle', 'active', 'real_time')),
    at         timestamptz NOT NULL,
    expires_at timestamptz,
    request_id uuid        NOT NULL
);

-- Agent tokens by SHA-256 of the token; the token itself is never stored.
CREATE TABLE agent_tokens (
    token_hash text        PRIMARY KEY,
    project_id text        NOT NULL,
    agent_id   uuid        NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX agent_tokens_by_agent ON agent_tokens (project_id, agent_id);
CREATE INDEX agent_tokens_by_expiry ON agent_tokens (expires_at);

-- Answers to POSTs sent with an Idempotency-Key; status is NULL while the request is carried out.
CREATE TABLE idempotency_keys (
    scoped_key          text        PRIMARY KEY,
    request_fingerprint text        NOT NULL,
    status              integer,
    location            text,
    body                text,
    expires_at          timestamptz NOT NULL
);
CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys (expires_at);
