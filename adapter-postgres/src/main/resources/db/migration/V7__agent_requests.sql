-- Requests made of agents (browse a path, verify a vault's password, encrypt the vault) and the
-- agents' answers, kept for the request TTL and purged a while after. Only additions: a node of
-- the previous release ignores them.
CREATE TABLE agent_requests (
    project_id          text        NOT NULL,
    request_id          uuid        NOT NULL,
    agent_id            uuid        NOT NULL,
    kind                text        NOT NULL
        CHECK (kind IN ('browse', 'vault_password_verification', 'vault_encryption')),
    at                  timestamptz NOT NULL,
    -- until when it waits for its answer; once answered, until when the answer is kept
    expires_at          timestamptz NOT NULL,
    -- what was asked: a browse's path (and its bytes in base64, when not UTF-8); a vault password,
    -- encrypted for the agent's RSA key, in hex (the new one of an encryption), the old one of a
    -- change, and whose vault a verification is about
    path                text,
    path_encoded        text,
    password_hex        text,
    old_password_hex    text,
    vault_agent_id      uuid,
    -- set when an answer is claimed; the answer's columns follow in the same transaction
    claimed_at          timestamptz,
    answered_at         timestamptz,
    answer_event_id     bigint,
    succeeded           boolean,
    valid               boolean,
    answer_action       text CHECK (answer_action IN ('enabled', 'changed')),
    answer_path         text,
    answer_path_encoded text,
    -- a browse's items, one array per field, the item at the same index in each
    item_names          text[],
    item_names_encoded  text[],
    item_bytes          bigint[],
    item_mime_types     text[],
    PRIMARY KEY (project_id, request_id),
    CHECK ((answered_at IS NULL) = (answer_event_id IS NULL)),
    CHECK (answered_at IS NULL OR claimed_at IS NOT NULL)
);
CREATE INDEX agent_requests_by_expiry ON agent_requests (expires_at);
CREATE INDEX agent_requests_by_agent ON agent_requests (project_id, agent_id);

-- Log files clients asked agents to upload, until a client deletes them or their agent goes.
CREATE TABLE logfiles (
    project_id text        NOT NULL,
    logfile_id uuid        NOT NULL,
    agent_id   uuid        NOT NULL,
    date       timestamptz NOT NULL,
    state      text        NOT NULL CHECK (state IN ('requested', 'started', 'completed')),
    PRIMARY KEY (project_id, logfile_id)
);
CREATE INDEX logfiles_by_agent ON logfiles (project_id, agent_id, date);

-- Set once the agent reports that it encrypted its vault.
ALTER TABLE agents ADD COLUMN vault_encrypted boolean NOT NULL DEFAULT false;

-- The events of requests and answers carry what was asked or answered, in positions fixed by the
-- event's type (EventRow says which); NULL for every other event.
ALTER TABLE events ADD COLUMN details text[];
