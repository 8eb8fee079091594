-- AlterTable
ALTER TABLE "ToolStats" ADD COLUMN     "pendingVotes" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Vote" ADD COLUMN     "pending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "voidId" TEXT;

-- AlterTable
ALTER TABLE "Reason" ADD COLUMN     "duplicateFlaggedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ToolSnapshot" (
    "toolId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "panelShip" INTEGER NOT NULL,
    "panelTotal" INTEGER NOT NULL,
    "communityShip" INTEGER NOT NULL,
    "communityTotal" INTEGER NOT NULL,
    "sample" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ToolSnapshot_pkey" PRIMARY KEY ("toolId","day")
);

-- CreateTable
CREATE TABLE "VoteVoid" (
    "id" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "newAccountsOnly" BOOLEAN NOT NULL,
    "voteCount" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "restoredAt" TIMESTAMP(3),
    "restoredById" TEXT,

    CONSTRAINT "VoteVoid_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VoteVoid_toolId_createdAt_idx" ON "VoteVoid"("toolId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Vote_createdAt_idx" ON "Vote"("createdAt");

-- CreateIndex
CREATE INDEX "Vote_voidId_idx" ON "Vote"("voidId");

-- CreateIndex
CREATE INDEX "Reason_duplicateFlaggedAt_idx" ON "Reason"("duplicateFlaggedAt");

-- AddForeignKey
ALTER TABLE "ToolSnapshot" ADD CONSTRAINT "ToolSnapshot_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_voidId_fkey" FOREIGN KEY ("voidId") REFERENCES "VoteVoid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteVoid" ADD CONSTRAINT "VoteVoid_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below (docs/decisions/030-a-figure-a-vote-ring-cannot-swing.md).

ALTER TABLE "ToolStats" ADD CONSTRAINT "ToolStats_pending_valid" CHECK ("pendingVotes" >= 0);
ALTER TABLE "VoteVoid" ADD CONSTRAINT "VoteVoid_reason_length" CHECK (char_length("reason") BETWEEN 1 AND 500);
ALTER TABLE "ToolSnapshot" ADD CONSTRAINT "ToolSnapshot_counters_valid" CHECK (
  "panelShip" >= 0 AND "panelShip" <= "panelTotal" AND "communityShip" >= 0 AND "communityShip" <= "communityTotal"
);
-- The pending votes the promote_pending_votes job looks at.
CREATE INDEX "Vote_pending_idx" ON "Vote" ("toolId") WHERE "pending";

-- A reason's text with case and runs of spacing folded: identical texts from many
-- accounts are flagged to the moderation queue (lib/moderation/duplicates.ts).
CREATE FUNCTION reason_fingerprint(p_text text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT md5(lower(regexp_replace(btrim(p_text), '\s+', ' ', 'g'))) $$;
CREATE INDEX "Reason_fingerprint_idx" ON "Reason" (reason_fingerprint("text"));

-- cast_vote learns pending votes: a new vote from an account younger than
-- p_new_account_seconds is stored pending — in "pendingVotes", not in the
-- community counters — until promote_pending_votes counts it. A vote keeps its
-- state when it flips; a voided vote ("voidId" set) counts nowhere. Answers the
-- pending count and whether the caller's vote is pending, besides the rest.
DROP FUNCTION cast_vote(text, text, text, boolean, text);

CREATE FUNCTION cast_vote(p_user_id text, p_slug text, p_decision text, p_set_reason boolean DEFAULT false, p_reason text DEFAULT NULL, p_new_account_seconds integer DEFAULT 0)
RETURNS TABLE ("panelShip" integer, "panelTotal" integer, "communityShip" integer, "communityTotal" integer, "pendingVotes" integer, "votePending" boolean, "reasonId" text, "reasonText" text)
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
DECLARE
  v_tool_id text;
  v_figures record;
  v_vote_id text;
  v_vote_pending boolean := false;
  v_new_account boolean;
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

  -- Unknown user: false here, and the vote's foreign key refuses the write below.
  SELECT coalesce(bool_or(u."createdAt" > now() - make_interval(secs => greatest(p_new_account_seconds, 0))), false)
  INTO v_new_account FROM "User" u WHERE u."id" = p_user_id;

  WITH before AS (
    SELECT v."decision"::text AS decision,
           (NOT v."pending" AND v."voidId" IS NULL) AS counted,
           (v."pending" AND v."voidId" IS NULL) AS waiting
    FROM "Vote" v WHERE v."userId" = p_user_id AND v."toolId" = v_tool_id
  ),
  removed AS (
    DELETE FROM "Vote" v WHERE p_decision IS NULL AND v."userId" = p_user_id AND v."toolId" = v_tool_id RETURNING 1
  ),
  written AS (
    INSERT INTO "Vote" ("id", "userId", "toolId", "decision", "pending", "updatedAt")
    SELECT gen_random_uuid()::text, p_user_id, v_tool_id, p_decision::"Decision", v_new_account, now() WHERE p_decision IS NOT NULL
    ON CONFLICT ("userId", "toolId") DO UPDATE SET "decision" = EXCLUDED."decision", "updatedAt" = now()
      WHERE "Vote"."decision" <> EXCLUDED."decision"
    RETURNING 1
  ),
  after AS (
    -- A kept vote keeps its state; a new one is pending or counted by its account's age.
    SELECT CASE WHEN p_decision IS NULL THEN false
                WHEN EXISTS (SELECT 1 FROM before) THEN (SELECT b.counted FROM before b)
                ELSE NOT v_new_account END AS counted,
           CASE WHEN p_decision IS NULL THEN false
                WHEN EXISTS (SELECT 1 FROM before) THEN (SELECT b.waiting FROM before b)
                ELSE v_new_account END AS waiting
  ),
  delta AS (
    SELECT (CASE WHEN a.counted AND p_decision = 'SHIP' THEN 1 ELSE 0 END)
             - coalesce((SELECT CASE WHEN b.counted AND b.decision = 'SHIP' THEN 1 ELSE 0 END FROM before b), 0) AS ship,
           (CASE WHEN a.counted THEN 1 ELSE 0 END) - coalesce((SELECT CASE WHEN b.counted THEN 1 ELSE 0 END FROM before b), 0) AS total,
           (CASE WHEN a.waiting THEN 1 ELSE 0 END) - coalesce((SELECT CASE WHEN b.waiting THEN 1 ELSE 0 END FROM before b), 0) AS pending
    FROM after a
  ),
  updated AS (
    UPDATE "ToolStats" s
    SET "communityShip" = s."communityShip" + d.ship, "communityTotal" = s."communityTotal" + d.total,
        "pendingVotes" = s."pendingVotes" + d.pending, "updatedAt" = now()
    FROM delta d
    WHERE s."toolId" = v_tool_id AND (d.ship <> 0 OR d.total <> 0 OR d.pending <> 0)
    RETURNING s."toolId", s."panelShip", s."panelTotal", s."communityShip", s."communityTotal", s."pendingVotes"
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
         coalesce(u."communityShip", s."communityShip") AS "communityShip", coalesce(u."communityTotal", s."communityTotal") AS "communityTotal",
         coalesce(u."pendingVotes", s."pendingVotes") AS "pendingVotes"
  INTO v_figures
  FROM "ToolStats" s
  LEFT JOIN updated u ON true
  CROSS JOIN (SELECT count(*) FROM announced) a
  WHERE s."toolId" = v_tool_id;

  IF p_decision IS NOT NULL THEN
    -- The vote's row as this statement sees it: written by the statement above.
    SELECT v."id", v."pending" INTO v_vote_id, v_vote_pending FROM "Vote" v WHERE v."userId" = p_user_id AND v."toolId" = v_tool_id;
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
  SELECT v_figures."panelShip", v_figures."panelTotal", v_figures."communityShip", v_figures."communityTotal",
         v_figures."pendingVotes", coalesce(v_vote_pending, false), r."id", r."text"
  FROM (SELECT 1) one
  LEFT JOIN "Reason" r ON r."voteId" = v_vote_id;
END;
$$;
