-- notify_viewer_changed read the statement's transition table twice: once to count its readers (up to 101),
-- once more to announce them. Every vote fires it, so it now reads the readers once, into an array, and
-- announces from that: one NOTIFY per reader up to 100, one {"all": true} past that (as before).

CREATE OR REPLACE FUNCTION "notify_viewer_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  readers text[];
BEGIN
  -- TG_ARGV[0]: the column naming the reader ("userId", or "id" on "User"). "changed" is the statement's
  -- transition table (new rows for an insert or update, old rows for a delete).
  EXECUTE format('SELECT array(SELECT DISTINCT %I::text FROM changed LIMIT 101)', TG_ARGV[0]) INTO readers;
  IF cardinality(readers) > 100 THEN
    PERFORM pg_notify('viewer_changed', '{"all":true}');
  ELSE
    PERFORM pg_notify('viewer_changed', json_build_object('userId', r)::text) FROM unnest(readers) AS r;
  END IF;
  RETURN NULL;
END $$;
