-- AlterTable
ALTER TABLE "User" ADD COLUMN     "reasonsMutedUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Reason" ADD COLUMN     "hiddenAt" TIMESTAMP(3),
ADD COLUMN     "hiddenAuto" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "hiddenReason" TEXT;

-- AlterTable
ALTER TABLE "ReasonReport" ADD COLUMN     "dismissedAt" TIMESTAMP(3);

-- ---------------------------------------------------------------------------
-- Hand-written below (lib/moderation, docs/decisions/029).

-- A report counts against its reason while it is open: dismissing it (a moderator found nothing
-- wrong) takes it out of reportCount and the score, undoing the dismissal puts it back, and
-- deleting a dismissed report changes nothing. Still incremental, so concurrent marks never lose
-- an update.
CREATE OR REPLACE FUNCTION reason_counts_follow() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  v_reason text := CASE WHEN TG_OP = 'DELETE' THEN OLD."reasonId" ELSE NEW."reasonId" END;
  v_step integer;
BEGIN
  IF TG_TABLE_NAME = 'HelpfulMark' THEN
    v_step := CASE WHEN TG_OP = 'DELETE' THEN -1 ELSE 1 END;
    UPDATE "Reason" r SET "helpfulCount" = r."helpfulCount" + v_step,
      "score" = wilson_lower_bound(r."helpfulCount" + v_step, r."helpfulCount" + v_step + r."reportCount")
    WHERE r."id" = v_reason;
    RETURN NULL;
  END IF;
  v_step := CASE
    WHEN TG_OP = 'INSERT' THEN CASE WHEN NEW."dismissedAt" IS NULL THEN 1 ELSE 0 END
    WHEN TG_OP = 'DELETE' THEN CASE WHEN OLD."dismissedAt" IS NULL THEN -1 ELSE 0 END
    ELSE (CASE WHEN NEW."dismissedAt" IS NULL THEN 1 ELSE 0 END) - (CASE WHEN OLD."dismissedAt" IS NULL THEN 1 ELSE 0 END)
  END;
  IF v_step <> 0 THEN
    UPDATE "Reason" r SET "reportCount" = r."reportCount" + v_step,
      "score" = wilson_lower_bound(r."helpfulCount", r."helpfulCount" + r."reportCount" + v_step)
    WHERE r."id" = v_reason;
  END IF;
  RETURN NULL;
END;
$$;

DROP TRIGGER "ReasonReport_counts" ON "ReasonReport";
CREATE TRIGGER "ReasonReport_counts" AFTER INSERT OR DELETE OR UPDATE OF "dismissedAt" ON "ReasonReport"
  FOR EACH ROW EXECUTE FUNCTION reason_counts_follow();

-- The moderation queue: open reports, newest first.
CREATE INDEX "ReasonReport_open_idx" ON "ReasonReport" ("createdAt" DESC) WHERE "dismissedAt" IS NULL;
ALTER TABLE "Reason" ADD CONSTRAINT "Reason_hiddenReason_length" CHECK ("hiddenReason" IS NULL OR char_length("hiddenReason") <= 500);
