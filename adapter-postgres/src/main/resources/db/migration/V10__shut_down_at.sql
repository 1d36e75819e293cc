-- When the agent announced the shutdown that shut_down records, so a check-in made before it and
-- written after it (buffered on another node) does not undo it. An addition only: a node of an
-- earlier release ignores it; a shutdown it writes keeps whatever time is there, and a node of
-- this release reads a time only while shut_down is true.
ALTER TABLE agent_sessions ADD COLUMN IF NOT EXISTS shut_down_at timestamptz;
