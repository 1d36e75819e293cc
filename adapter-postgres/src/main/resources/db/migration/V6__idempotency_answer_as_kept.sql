-- The answer kept for an Idempotency-Key is one text, written and read back by the HTTP adapter
-- (a JSON object of status, Location and body); the core keeps it without reading it. Answers
-- already kept are carried over in that form. NULL while the request is carried out.
ALTER TABLE idempotency_keys ADD COLUMN answer text;
UPDATE idempotency_keys
   SET answer = json_build_object('status', status, 'location', location, 'body', coalesce(body, ''))::text
 WHERE status IS NOT NULL;
ALTER TABLE idempotency_keys DROP COLUMN status, DROP COLUMN location, DROP COLUMN body;
