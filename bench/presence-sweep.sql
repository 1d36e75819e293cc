-- What one presence sweep's query costs PostgreSQL with 100,000 sessions announced online
-- (100 of 10,000 projects awake): the query of PostgresAnnouncedPresence.mayBeOffline with its
-- parameters written in. In a scratch schema, dropped at the end.
--   psql -h 127.0.0.1 -U postgres test -f bench/presence-sweep.sql | grep 'Execution Time'
DROP SCHEMA IF EXISTS sweep_cost CASCADE;
CREATE SCHEMA sweep_cost;
SET search_path = sweep_cost;
CREATE TABLE agent_sessions (
    project_id text NOT NULL, agent_id uuid NOT NULL,
    activation_mode text, activation_at timestamptz, activation_expires_at timestamptz, activation_request_id uuid,
    last_check_in_at timestamptz, last_heartbeat_event_at timestamptz, busy boolean NOT NULL, shut_down boolean NOT NULL,
    announced_online boolean, PRIMARY KEY (project_id, agent_id));
CREATE TABLE project_activations (project_id text PRIMARY KEY, mode text NOT NULL, at timestamptz NOT NULL, expires_at timestamptz, request_id uuid NOT NULL);
INSERT INTO agent_sessions SELECT 'p-' || (i % 10000), gen_random_uuid(), NULL, NULL, NULL, NULL, now() - (random() * interval '10 s'), NULL, false, false, true FROM generate_series(1, 100000) i;
INSERT INTO project_activations SELECT 'p-' || i, 'active', now(), now() + interval '75 s', gen_random_uuid() FROM generate_series(1, 100) i;
VACUUM ANALYZE agent_sessions; VACUUM ANALYZE project_activations;

EXPLAIN (ANALYZE, BUFFERS) SELECT s.project_id, s.agent_id, s.activation_mode AS a_mode, s.activation_at AS a_at, s.activation_expires_at AS a_expires_at,
                   s.activation_request_id AS a_request_id, s.last_check_in_at, s.last_heartbeat_event_at, s.busy, s.shut_down,
                   p.mode AS p_mode, p.at AS p_at, p.expires_at AS p_expires_at, p.request_id AS p_request_id
              FROM agent_sessions s LEFT JOIN project_activations p ON p.project_id = s.project_id
             WHERE s.announced_online
               AND (s.shut_down OR s.last_check_in_at IS NULL OR s.last_check_in_at < now() - LEAST(
                    CASE WHEN s.activation_mode IS NOT NULL AND (s.activation_expires_at IS NULL OR s.activation_expires_at > now()) THEN (CAST('{10802 seconds,5 seconds,5 seconds}' AS interval[]))[array_position('{idle,active,real_time}'::text[], s.activation_mode)] END,
                    CASE WHEN p.mode IS NOT NULL AND (p.expires_at IS NULL OR p.expires_at > now()) THEN (CAST('{10802 seconds,5 seconds,5 seconds}' AS interval[]))[array_position('{idle,active,real_time}'::text[], p.mode)] END,
                    CASE WHEN NOT (s.activation_mode IS NOT NULL AND (s.activation_expires_at IS NULL OR s.activation_expires_at > now())) AND NOT (p.mode IS NOT NULL AND (p.expires_at IS NULL OR p.expires_at > now())) THEN interval '10802 seconds' END))
             ORDER BY s.last_check_in_at NULLS FIRST LIMIT 500;
DROP SCHEMA sweep_cost CASCADE;
