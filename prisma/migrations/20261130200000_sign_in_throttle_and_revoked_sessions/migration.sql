-- The sign-in throttle moves to atomic counters (RateLimit), which the per-client limits of
-- reports and exports share; locks are counters now, so LoginLock goes. Signing out records the
-- session as revoked, so that a copied cookie stops working.
DROP TABLE "LoginLock";

CREATE TABLE "RateLimit" (
    "key" VARCHAR(320) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");

CREATE TABLE "RevokedSession" (
    "id" UUID NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "RevokedSession_expiresAt_idx" ON "RevokedSession"("expiresAt");

CREATE INDEX "LoginAttempt_createdAt_idx" ON "LoginAttempt"("createdAt");

-- Throttled attempts are no longer stored (only logged): an attacker must not grow this table.
DELETE FROM "LoginAttempt" WHERE "outcome" = 'THROTTLED';
