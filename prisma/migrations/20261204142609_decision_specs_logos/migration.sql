-- AlterTable
ALTER TABLE "Tool" ADD COLUMN     "specs" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Comparison" ADD COLUMN     "pickA" TEXT,
ADD COLUMN     "pickB" TEXT;

-- CreateTable
CREATE TABLE "ToolLogo" (
    "toolId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ToolLogo_pkey" PRIMARY KEY ("toolId")
);

-- CreateIndex
CREATE INDEX "ToolLogo_hash_idx" ON "ToolLogo"("hash");

-- AddForeignKey
ALTER TABLE "ToolLogo" ADD CONSTRAINT "ToolLogo_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Guards the application also enforces (lib/logos, lib/specs): a logo is one of
-- three formats and at most 200 KB; specs are a JSON object.
ALTER TABLE "ToolLogo" ADD CONSTRAINT "ToolLogo_contentType_check" CHECK ("contentType" IN ('image/png', 'image/webp', 'image/svg+xml'));
ALTER TABLE "ToolLogo" ADD CONSTRAINT "ToolLogo_size_check" CHECK (octet_length("bytes") BETWEEN 1 AND 204800);
ALTER TABLE "Tool" ADD CONSTRAINT "Tool_specs_object_check" CHECK (jsonb_typeof("specs") = 'object');
