-- AlterTable
ALTER TABLE "Tool" ADD COLUMN     "draft" BOOLEAN NOT NULL DEFAULT false;

-- A draft is never listed: it stays archived until staff list it (which clears the flag).
ALTER TABLE "Tool" ADD CONSTRAINT "Tool_draft_check" CHECK (NOT draft OR "archivedAt" IS NOT NULL);
