-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- Rate-limit rows past their window are deleted by expiry.
CREATE INDEX "rate_limits_expire_idx" ON "rate_limits" ("expire");
