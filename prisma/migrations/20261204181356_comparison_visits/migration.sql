-- CreateTable
CREATE TABLE "ComparisonVisit" (
    "toolAId" TEXT NOT NULL,
    "toolBId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "visits" INTEGER NOT NULL,

    CONSTRAINT "ComparisonVisit_pkey" PRIMARY KEY ("toolAId","toolBId","day")
);

-- CreateIndex
CREATE INDEX "ComparisonVisit_toolBId_idx" ON "ComparisonVisit"("toolBId");

-- AddForeignKey
ALTER TABLE "ComparisonVisit" ADD CONSTRAINT "ComparisonVisit_toolAId_fkey" FOREIGN KEY ("toolAId") REFERENCES "Tool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonVisit" ADD CONSTRAINT "ComparisonVisit_toolBId_fkey" FOREIGN KEY ("toolBId") REFERENCES "Tool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The unordered pair is stored once, smaller id first; a row exists only for a day with visits.
ALTER TABLE "ComparisonVisit" ADD CONSTRAINT "ComparisonVisit_pair_order" CHECK ("toolAId" < "toolBId");
ALTER TABLE "ComparisonVisit" ADD CONSTRAINT "ComparisonVisit_visits_positive" CHECK ("visits" > 0);
