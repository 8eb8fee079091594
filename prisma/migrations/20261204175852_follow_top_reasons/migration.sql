-- AlterTable
ALTER TABLE "Follow" ADD COLUMN     "topReasonIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Existing follows have heard of their tool's present top reasons (the 3 most helpful per side that
-- readers marked helpful, lib/reasons/top.ts): only reasons that join the top from now on are news.
UPDATE "Follow" f SET "topReasonIds" = COALESCE((
  SELECT array_agg(r.id ORDER BY r.id)
  FROM (VALUES ('SHIP'::"Decision"), ('SKIP'::"Decision")) AS side(decision)
  CROSS JOIN LATERAL (
    SELECT r.id, r.score FROM "Reason" r
    WHERE r."toolId" = f."toolId" AND r.decision = side.decision AND r."hiddenAt" IS NULL
    ORDER BY r.score DESC, r."createdAt" DESC, r.id ASC
    LIMIT 3
  ) r
  WHERE r.score > 0
), ARRAY[]::TEXT[]);
