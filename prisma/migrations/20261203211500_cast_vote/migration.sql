-- A vote in one round trip (docs/decisions/023-a-vote-in-one-round-trip.md).
--
-- cast_vote(user, slug, decision) sets (or, with decision NULL, withdraws) a
-- user's vote on a listed tool and moves the tool's counters by the exact
-- difference, in the one transaction of the calling statement:
--   1. lock the tool's ToolStats row (creating it first for a tool that has
--      none), so votes on one tool apply one after another;
--   2. then, in a statement whose snapshot is taken after the lock (PL/pgSQL
--      gives each statement its own under READ COMMITTED), read the vote,
--      write it, move the counters and NOTIFY tool_stats with the new figures
--      (the payload lib/db-events/channels.ts toolStatsChangeSchema parses).
-- Returns one row with the figures after the vote; no row for an unknown or
-- archived tool. Re-sending the same vote changes nothing and announces nothing.
CREATE FUNCTION cast_vote(p_user_id text, p_slug text, p_decision text)
RETURNS TABLE ("panelShip" integer, "panelTotal" integer, "communityShip" integer, "communityTotal" integer)
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
DECLARE
  v_tool_id text;
BEGIN
  IF p_decision IS NOT NULL AND p_decision NOT IN ('SHIP', 'SKIP') THEN
    RAISE EXCEPTION 'cast_vote: unknown decision %', p_decision USING ERRCODE = '22023';
  END IF;

  SELECT s."toolId" INTO v_tool_id
  FROM "ToolStats" s JOIN "Tool" t ON t."id" = s."toolId"
  WHERE t."slug" = p_slug AND t."archivedAt" IS NULL
  FOR UPDATE OF s;

  IF v_tool_id IS NULL THEN
    -- A listed tool created without its counter row, or no such tool.
    INSERT INTO "ToolStats" ("toolId")
    SELECT t."id" FROM "Tool" t WHERE t."slug" = p_slug AND t."archivedAt" IS NULL
    ON CONFLICT ("toolId") DO NOTHING;
    SELECT s."toolId" INTO v_tool_id
    FROM "ToolStats" s JOIN "Tool" t ON t."id" = s."toolId"
    WHERE t."slug" = p_slug AND t."archivedAt" IS NULL
    FOR UPDATE OF s;
    IF v_tool_id IS NULL THEN
      RETURN;
    END IF;
  END IF;

  RETURN QUERY
  WITH before AS (
    SELECT v."decision"::text AS decision FROM "Vote" v WHERE v."userId" = p_user_id AND v."toolId" = v_tool_id
  ),
  removed AS (
    DELETE FROM "Vote" v WHERE p_decision IS NULL AND v."userId" = p_user_id AND v."toolId" = v_tool_id RETURNING 1
  ),
  written AS (
    INSERT INTO "Vote" ("id", "userId", "toolId", "decision", "updatedAt")
    SELECT gen_random_uuid()::text, p_user_id, v_tool_id, p_decision::"Decision", now() WHERE p_decision IS NOT NULL
    ON CONFLICT ("userId", "toolId") DO UPDATE SET "decision" = EXCLUDED."decision", "updatedAt" = now()
      WHERE "Vote"."decision" <> EXCLUDED."decision"
    RETURNING 1
  ),
  delta AS (
    SELECT (CASE WHEN p_decision = 'SHIP' THEN 1 ELSE 0 END)
             - coalesce((SELECT CASE WHEN b.decision = 'SHIP' THEN 1 ELSE 0 END FROM before b), 0) AS ship,
           (CASE WHEN p_decision IS NULL THEN 0 ELSE 1 END) - (SELECT count(*)::int FROM before) AS total
  ),
  updated AS (
    UPDATE "ToolStats" s
    SET "communityShip" = s."communityShip" + d.ship, "communityTotal" = s."communityTotal" + d.total, "updatedAt" = now()
    FROM delta d
    WHERE s."toolId" = v_tool_id AND (d.ship <> 0 OR d.total <> 0)
    RETURNING s."toolId", s."panelShip", s."panelTotal", s."communityShip", s."communityTotal"
  ),
  announced AS (
    SELECT pg_notify('tool_stats', json_build_object(
      'toolId', u."toolId", 'slug', t."slug",
      'panelShip', u."panelShip", 'panelTotal', u."panelTotal",
      'communityShip', u."communityShip", 'communityTotal', u."communityTotal",
      'at', floor(extract(epoch FROM clock_timestamp()) * 1000)
    )::text)
    FROM updated u JOIN "Tool" t ON t."id" = u."toolId"
  )
  SELECT coalesce(u."panelShip", s."panelShip"), coalesce(u."panelTotal", s."panelTotal"),
         coalesce(u."communityShip", s."communityShip"), coalesce(u."communityTotal", s."communityTotal")
  FROM "ToolStats" s
  LEFT JOIN updated u ON true
  CROSS JOIN (SELECT count(*) FROM announced) a
  WHERE s."toolId" = v_tool_id;
END;
$$;
