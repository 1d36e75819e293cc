-- Whether the project feed last announced the agent online (agent_online) or offline
-- (agent_offline); NULL until the first announcement. Only written with presence events on. An
-- addition only: a node of an earlier release ignores it, and its rows get NULL.
ALTER TABLE agent_sessions ADD COLUMN IF NOT EXISTS announced_online boolean;
