-- CreateEnum
CREATE TYPE "ReportCategory" AS ENUM ('SPAM', 'ABUSE', 'OFF_TOPIC', 'OTHER');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "displayName" TEXT;

-- CreateTable
CREATE TABLE "Reason" (
    "id" TEXT NOT NULL,
    "voteId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "decision" "Decision" NOT NULL,
    "text" TEXT NOT NULL,
    "helpfulCount" INTEGER NOT NULL DEFAULT 0,
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpfulMark" (
    "reasonId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HelpfulMark_pkey" PRIMARY KEY ("reasonId","userId")
);

-- CreateTable
CREATE TABLE "ReasonReport" (
    "reasonId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "category" "ReportCategory" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReasonReport_pkey" PRIMARY KEY ("reasonId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Reason_voteId_key" ON "Reason"("voteId");

-- CreateIndex
CREATE INDEX "Reason_toolId_decision_score_createdAt_id_idx" ON "Reason"("toolId", "decision", "score" DESC, "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Reason_toolId_decision_createdAt_id_idx" ON "Reason"("toolId", "decision", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Reason_userId_idx" ON "Reason"("userId");

-- CreateIndex
CREATE INDEX "HelpfulMark_userId_idx" ON "HelpfulMark"("userId");

-- CreateIndex
CREATE INDEX "ReasonReport_userId_idx" ON "ReasonReport"("userId");

-- AddForeignKey
ALTER TABLE "Reason" ADD CONSTRAINT "Reason_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reason" ADD CONSTRAINT "Reason_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reason" ADD CONSTRAINT "Reason_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpfulMark" ADD CONSTRAINT "HelpfulMark_reasonId_fkey" FOREIGN KEY ("reasonId") REFERENCES "Reason"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpfulMark" ADD CONSTRAINT "HelpfulMark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReasonReport" ADD CONSTRAINT "ReasonReport_reasonId_fkey" FOREIGN KEY ("reasonId") REFERENCES "Reason"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReasonReport" ADD CONSTRAINT "ReasonReport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written below (docs/decisions/029-reasons-belong-to-their-vote.md).

-- The text's bounds, as lib/reasons/schema.ts checks them first: a backstop for every writer.
ALTER TABLE "Reason" ADD CONSTRAINT "Reason_text_length" CHECK (char_length("text") BETWEEN 1 AND 500);
ALTER TABLE "ReasonReport" ADD CONSTRAINT "ReasonReport_note_length" CHECK ("note" IS NULL OR char_length("note") <= 500);
ALTER TABLE "User" ADD CONSTRAINT "User_displayName_length" CHECK ("displayName" IS NULL OR char_length("displayName") BETWEEN 2 AND 40);

-- Wilson score interval's lower bound (95 %, z = 1.96) of `positive` out of `n`;
-- 0 when n = 0. The same formula as lib/scores/wilson.ts (tests compare the two).
CREATE FUNCTION wilson_lower_bound(positive integer, n integer)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT CASE WHEN n <= 0 THEN 0::double precision ELSE greatest(0::double precision,
    ((positive::double precision / n) + 3.8416 / (2 * n)
      - 1.96 * sqrt((positive::double precision / n) * (1 - positive::double precision / n) / n + 3.8416 / (4.0 * n * n)))
    / (1 + 3.8416 / n)) END
$$;

-- A reason's helpful and report counts and its score follow its marks and
-- reports in the same transaction, whoever deletes them (the reader, or a
-- cascade when an account or the reason goes).
CREATE FUNCTION reason_counts_follow() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  v_reason text := CASE WHEN TG_OP = 'DELETE' THEN OLD."reasonId" ELSE NEW."reasonId" END;
  v_step integer := CASE WHEN TG_OP = 'DELETE' THEN -1 ELSE 1 END;
BEGIN
  IF TG_TABLE_NAME = 'HelpfulMark' THEN
    UPDATE "Reason" r SET "helpfulCount" = r."helpfulCount" + v_step,
      "score" = wilson_lower_bound(r."helpfulCount" + v_step, r."helpfulCount" + v_step + r."reportCount")
    WHERE r."id" = v_reason;
  ELSE
    UPDATE "Reason" r SET "reportCount" = r."reportCount" + v_step,
      "score" = wilson_lower_bound(r."helpfulCount", r."helpfulCount" + r."reportCount" + v_step)
    WHERE r."id" = v_reason;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "HelpfulMark_counts" AFTER INSERT OR DELETE ON "HelpfulMark"
  FOR EACH ROW EXECUTE FUNCTION reason_counts_follow();
CREATE TRIGGER "ReasonReport_counts" AFTER INSERT OR DELETE ON "ReasonReport"
  FOR EACH ROW EXECUTE FUNCTION reason_counts_follow();

-- cast_vote gains the vote's reason (ADR 029), written in the same transaction:
--   p_set_reason false: the reason is kept while the decision stays, dropped
--                       when it flips (a reason belongs to its decision);
--   p_set_reason true:  p_reason is the reason now (NULL removes it); after a
--                       flip it is a new reason, with no marks.
-- Withdrawing (p_decision NULL) deletes the vote and, by cascade, its reason.
-- A change of a reason alone moves no counter: it is announced on
-- reasons_changed ({"slug"}), so cached pages showing it are refreshed as
-- after a vote. Answers the figures and the reason after the call.
DROP FUNCTION cast_vote(text, text, text);

CREATE FUNCTION cast_vote(p_user_id text, p_slug text, p_decision text, p_set_reason boolean DEFAULT false, p_reason text DEFAULT NULL)
RETURNS TABLE ("panelShip" integer, "panelTotal" integer, "communityShip" integer, "communityTotal" integer, "reasonId" text, "reasonText" text)
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
DECLARE
  v_tool_id text;
  v_figures record;
  v_vote_id text;
  v_touched integer := 0;
  v_count integer;
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
  SELECT coalesce(u."panelShip", s."panelShip") AS "panelShip", coalesce(u."panelTotal", s."panelTotal") AS "panelTotal",
         coalesce(u."communityShip", s."communityShip") AS "communityShip", coalesce(u."communityTotal", s."communityTotal") AS "communityTotal"
  INTO v_figures
  FROM "ToolStats" s
  LEFT JOIN updated u ON true
  CROSS JOIN (SELECT count(*) FROM announced) a
  WHERE s."toolId" = v_tool_id;

  IF p_decision IS NOT NULL THEN
    -- The vote's row as this statement sees it: written by the statement above.
    SELECT v."id" INTO v_vote_id FROM "Vote" v WHERE v."userId" = p_user_id AND v."toolId" = v_tool_id;
    -- The reason of another decision goes (a flip); so does any reason when the call removes it.
    DELETE FROM "Reason" r
    WHERE r."voteId" = v_vote_id AND (r."decision"::text <> p_decision OR (p_set_reason AND p_reason IS NULL));
    GET DIAGNOSTICS v_count = ROW_COUNT;
    v_touched := v_touched + v_count;
    IF p_set_reason AND p_reason IS NOT NULL THEN
      INSERT INTO "Reason" ("id", "voteId", "userId", "toolId", "decision", "text", "updatedAt")
      VALUES (gen_random_uuid()::text, v_vote_id, p_user_id, v_tool_id, p_decision::"Decision", p_reason, now())
      ON CONFLICT ("voteId") DO UPDATE SET "text" = EXCLUDED."text", "updatedAt" = now()
        WHERE "Reason"."text" <> EXCLUDED."text";
      GET DIAGNOSTICS v_count = ROW_COUNT;
      v_touched := v_touched + v_count;
    END IF;
    IF v_touched > 0 THEN
      PERFORM pg_notify('reasons_changed', json_build_object('slug', p_slug)::text);
    END IF;
  END IF;

  RETURN QUERY
  SELECT v_figures."panelShip", v_figures."panelTotal", v_figures."communityShip", v_figures."communityTotal", r."id", r."text"
  FROM (SELECT 1) one
  LEFT JOIN "Reason" r ON r."voteId" = v_vote_id;
END;
$$;
