-- CreateEnum
CREATE TYPE "SuggestionKind" AS ENUM ('TOOL', 'PROBLEM');

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('RECEIVED', 'ACCEPTED', 'MERGED', 'DECLINED');

-- CreateEnum
CREATE TYPE "ProblemCategory" AS ENUM ('DEAD_PRODUCT', 'WRONG_PRICE', 'WRONG_FACTS', 'OTHER');

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" TEXT NOT NULL,
    "kind" "SuggestionKind" NOT NULL,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'RECEIVED',
    "userId" TEXT,
    "name" TEXT,
    "website" TEXT,
    "siteKey" TEXT,
    "categoryId" TEXT,
    "pitch" TEXT,
    "vendor" TEXT,
    "pricingModel" "PricingModel",
    "toolId" TEXT,
    "problemCategory" "ProblemCategory",
    "details" TEXT,
    "decisionNote" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "resultToolId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Suggestion_status_createdAt_idx" ON "Suggestion"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Suggestion_userId_createdAt_idx" ON "Suggestion"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The tool a suggestion became or was folded into.
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_resultToolId_fkey" FOREIGN KEY ("resultToolId") REFERENCES "Tool"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Each kind carries its own fields, and only those (lib/suggestions/schema.ts bounds the text).
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_kind_check" CHECK (
  (kind = 'TOOL' AND name IS NOT NULL AND website IS NOT NULL AND "siteKey" IS NOT NULL AND pitch IS NOT NULL
     AND "toolId" IS NULL AND "problemCategory" IS NULL AND details IS NULL)
  OR (kind = 'PROBLEM' AND "toolId" IS NOT NULL AND "problemCategory" IS NOT NULL AND details IS NOT NULL
     AND name IS NULL AND website IS NULL AND "siteKey" IS NULL AND pitch IS NULL AND vendor IS NULL AND "pricingModel" IS NULL)
);
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_length_check" CHECK (
  char_length(name) BETWEEN 1 AND 80 AND char_length(website) <= 500 AND char_length("siteKey") <= 500
  AND char_length(pitch) BETWEEN 1 AND 160 AND char_length(vendor) BETWEEN 1 AND 80
  AND char_length(details) BETWEEN 1 AND 1000 AND char_length("decisionNote") BETWEEN 1 AND 500
);
-- Decided exactly when it left RECEIVED; a decline always says why; a merge names its tool.
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_decision_check" CHECK (
  (status = 'RECEIVED') = ("decidedAt" IS NULL)
  AND (status <> 'DECLINED' OR "decisionNote" IS NOT NULL)
  AND (status <> 'MERGED' OR "resultToolId" IS NOT NULL)
);
-- One open suggestion per website: two readers suggesting the same page at once cannot both get in.
CREATE UNIQUE INDEX "Suggestion_open_siteKey_key" ON "Suggestion" ("siteKey") WHERE kind = 'TOOL' AND status = 'RECEIVED';
