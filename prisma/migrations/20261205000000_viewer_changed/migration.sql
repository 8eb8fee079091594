-- What GET /api/me answers for a reader (their name and role, their votes, their follows, whether their
-- session is alive) changed: every node's viewer cache (lib/users/viewer-cache.ts) drops that reader's
-- answers. Triggers rather than calls in each write, so no path can forget one: the vote function, the
-- follows, the account page, the admin's role change, Auth.js's sign-out and session renewal, an account's
-- deletion and its cascades. One NOTIFY per reader per statement (PostgreSQL also folds repeats within a
-- transaction into one), delivered on commit and never for a rollback. Payload: {"userId": "…"};
-- a TRUNCATE says {"all": true}.

CREATE FUNCTION "notify_viewer_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- TG_ARGV[0]: the column naming the reader ("userId", or "id" on "User"). "changed" is the statement's
  -- transition table (new rows for an insert or update, old rows for a delete).
  EXECUTE format(
    'SELECT pg_notify(%L, json_build_object(%L, r)::text) FROM (SELECT DISTINCT %I AS r FROM changed) s',
    'viewer_changed', 'userId', TG_ARGV[0]
  );
  RETURN NULL;
END $$;

CREATE FUNCTION "notify_viewers_cleared"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('viewer_changed', '{"all":true}');
  RETURN NULL;
END $$;

CREATE TRIGGER "Vote_viewer_insert" AFTER INSERT ON "Vote" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewer_changed"('userId');
CREATE TRIGGER "Vote_viewer_update" AFTER UPDATE ON "Vote" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewer_changed"('userId');
CREATE TRIGGER "Vote_viewer_delete" AFTER DELETE ON "Vote" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewer_changed"('userId');
CREATE TRIGGER "Vote_viewer_truncate" AFTER TRUNCATE ON "Vote" FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewers_cleared"();

CREATE TRIGGER "Follow_viewer_insert" AFTER INSERT ON "Follow" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewer_changed"('userId');
CREATE TRIGGER "Follow_viewer_delete" AFTER DELETE ON "Follow" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewer_changed"('userId');
CREATE TRIGGER "Follow_viewer_truncate" AFTER TRUNCATE ON "Follow" FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewers_cleared"();

-- A new session is a token no cache holds yet: only its renewal, its end and its deletion matter.
CREATE TRIGGER "Session_viewer_update" AFTER UPDATE ON "Session" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewer_changed"('userId');
CREATE TRIGGER "Session_viewer_delete" AFTER DELETE ON "Session" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewer_changed"('userId');
CREATE TRIGGER "Session_viewer_truncate" AFTER TRUNCATE ON "Session" FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewers_cleared"();

CREATE TRIGGER "User_viewer_update" AFTER UPDATE ON "User" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewer_changed"('id');
CREATE TRIGGER "User_viewer_delete" AFTER DELETE ON "User" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewer_changed"('id');
CREATE TRIGGER "User_viewer_truncate" AFTER TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "notify_viewers_cleared"();
