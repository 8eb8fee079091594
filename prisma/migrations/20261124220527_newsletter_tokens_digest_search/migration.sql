-- CreateEnum
CREATE TYPE "NewsletterTokenPurpose" AS ENUM ('CONFIRM', 'UNSUBSCRIBE');

-- DropIndex
DROP INDEX "NewsletterSubscriber_confirmTokenHash_key";

-- DropIndex
DROP INDEX "NewsletterSubscriber_unsubscribeTokenHash_key";

-- AlterTable
ALTER TABLE "NewsletterSubscriber" DROP COLUMN "confirmTokenExpires",
DROP COLUMN "confirmTokenHash",
DROP COLUMN "unsubscribeTokenHash",
ADD COLUMN     "lastDigestId" TEXT;

-- CreateTable
CREATE TABLE "NewsletterToken" (
    "id" TEXT NOT NULL,
    "subscriberId" TEXT NOT NULL,
    "purpose" "NewsletterTokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewsletterToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Digest" (
    "id" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "subject" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "recipientCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Digest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NewsletterToken_tokenHash_key" ON "NewsletterToken"("tokenHash");

-- CreateIndex
CREATE INDEX "NewsletterToken_subscriberId_purpose_idx" ON "NewsletterToken"("subscriberId", "purpose");

-- CreateIndex
CREATE INDEX "NewsletterToken_expiresAt_idx" ON "NewsletterToken"("expiresAt");

-- CreateIndex
CREATE INDEX "Digest_createdAt_idx" ON "Digest"("createdAt");

-- AddForeignKey
ALTER TABLE "NewsletterSubscriber" ADD CONSTRAINT "NewsletterSubscriber_lastDigestId_fkey" FOREIGN KEY ("lastDigestId") REFERENCES "Digest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsletterToken" ADD CONSTRAINT "NewsletterToken_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "NewsletterSubscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Directory search, written by hand: Postgres full-text search for words and
-- stems, pg_trgm for typo tolerance. Both columns are generated, so no write
-- path can forget them, and Prisma does not read them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE "Tool" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, coalesce("name", '') || ' ' || coalesce("vendor", '')), 'A') ||
  setweight(to_tsvector('english'::regconfig, coalesce("tagline", '')), 'B') ||
  setweight(to_tsvector('english'::regconfig, coalesce("description", '')), 'C')
) STORED;

ALTER TABLE "Tool" ADD COLUMN "searchText" text GENERATED ALWAYS AS (
  lower(coalesce("name", '') || ' ' || coalesce("vendor", '') || ' ' || coalesce("tagline", '') || ' ' || coalesce("description", ''))
) STORED;

CREATE INDEX "Tool_searchVector_idx" ON "Tool" USING gin ("searchVector");
CREATE INDEX "Tool_searchText_trgm_idx" ON "Tool" USING gin ("searchText" gin_trgm_ops);
