-- One statement that touches many readers (a bulk import of votes, the pending-vote promotion after a long
-- outage, a cascade from deleting many accounts) sent one NOTIFY per reader: 60,000 readers, 60,000 messages
-- that every node then parsed one by one (about a second of each node's CPU). Past 100 readers a statement
-- now says {"all": true} once: every node empties its viewer cache, which refills on the next reads.
-- Fewer readers keep the per-reader messages (a vote, a sign-out, a role change, an account's deletion).

CREATE OR REPLACE FUNCTION "notify_viewer_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  readers bigint;
BEGIN
  -- TG_ARGV[0]: the column naming the reader ("userId", or "id" on "User"). "changed" is the statement's
  -- transition table (new rows for an insert or update, old rows for a delete).
  EXECUTE format('SELECT count(*) FROM (SELECT DISTINCT %I FROM changed LIMIT 101) s', TG_ARGV[0]) INTO readers;
  IF readers > 100 THEN
    PERFORM pg_notify('viewer_changed', '{"all":true}');
  ELSE
    EXECUTE format(
      'SELECT pg_notify(%L, json_build_object(%L, r)::text) FROM (SELECT DISTINCT %I AS r FROM changed) s',
      'viewer_changed', 'userId', TG_ARGV[0]
    );
  END IF;
  RETURN NULL;
END $$;
