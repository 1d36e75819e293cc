-- Agents as the v2 reference describes them: the host's flavor, region, machine, operating system
-- and addresses, the agent's RSA public key, and the settings clients may change. Agents
-- registered before this migration keep what they had: their host name becomes the machine id,
-- and what they never reported is 'unknown' (or absent, for the key).
ALTER TABLE agents RENAME COLUMN host_os TO host_os_name;
ALTER TABLE agents
    ADD COLUMN host_flavor             text     NOT NULL DEFAULT 'nova'
        CHECK (host_flavor IN ('nova', 'rackspace_dedicated', 'rackspace_private_cloud')),
    ADD COLUMN host_region             text,
    ADD COLUMN host_machine_id         text,
    ADD COLUMN host_os_version         text     NOT NULL DEFAULT 'unknown',
    ADD COLUMN host_os_architecture    text     NOT NULL DEFAULT 'unknown',
    -- the host's addresses in the order reported: each version with the address at the same index
    ADD COLUMN host_address_versions   smallint[] NOT NULL DEFAULT '{}',
    ADD COLUMN host_addresses          text[]   NOT NULL DEFAULT '{}',
    ADD COLUMN rsa_modulus             text,
    ADD COLUMN rsa_exponent            text,
    ADD COLUMN vault_uses_internal     boolean  NOT NULL DEFAULT true,
    ADD COLUMN enabled                 boolean  NOT NULL DEFAULT true,
    ADD COLUMN log_level               text     NOT NULL DEFAULT 'info'
        CHECK (log_level IN ('all', 'trace', 'debug', 'info', 'warn', 'error', 'fatal')),
    ADD CONSTRAINT agents_addresses_paired
        CHECK (cardinality(host_address_versions) = cardinality(host_addresses)),
    ADD CONSTRAINT agents_key_whole CHECK ((rsa_modulus IS NULL) = (rsa_exponent IS NULL));
UPDATE agents SET host_machine_id = host_name;
ALTER TABLE agents ALTER COLUMN host_machine_id SET NOT NULL, DROP COLUMN host_name;
-- Clients find the agents of a host by its machine id.
CREATE INDEX agents_by_machine ON agents (project_id, host_machine_id);

-- agent_registered events carry the whole operating system of the host.
ALTER TABLE events ADD COLUMN host_os_version text, ADD COLUMN host_os_architecture text;

-- Event ids take the microseconds since the epoch as a project's first id, so a fresh database
-- never hands out an id a client of an earlier one could hold as its marker; the projects of this
-- database move up to that too (ids only ever grow).
UPDATE event_counters
   SET last_id = GREATEST(last_id, CAST(extract(epoch FROM clock_timestamp()) * 1000000 AS bigint));
