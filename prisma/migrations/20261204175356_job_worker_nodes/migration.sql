-- CreateTable
CREATE TABLE "JobWorker" (
    "workerId" TEXT NOT NULL,
    "nodeKey" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobWorker_pkey" PRIMARY KEY ("workerId")
);

-- CreateIndex
CREATE INDEX "JobWorker_nodeKey_idx" ON "JobWorker"("nodeKey");

-- A node key is a positive int4 (the second key of pg_advisory_lock(int4, int4), read back from pg_locks.objid).
ALTER TABLE "JobWorker" ADD CONSTRAINT "JobWorker_nodeKey_check" CHECK ("nodeKey" > 0);
