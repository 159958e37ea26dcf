-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'ANALYST', 'FOCAL_POINT');

-- CreateEnum
CREATE TYPE "StateKind" AS ENUM ('PARTICIPATING', 'PARTNER');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('CONFERENCE', 'ACTION_PLAN', 'MONITORING_CYCLE', 'OTHER');

-- CreateEnum
CREATE TYPE "RecommendationStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "OdihrLevel" AS ENUM ('FULLY', 'MOSTLY', 'PARTIALLY', 'NOT_IMPLEMENTED');

-- CreateEnum
CREATE TYPE "UpdateState" AS ENUM ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED');

-- CreateTable
CREATE TABLE "State" (
    "id" UUID NOT NULL,
    "iso2" CHAR(2) NOT NULL,
    "iso3" CHAR(3) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "kind" "StateKind" NOT NULL,
    "partnerGroup" VARCHAR(50),

    CONSTRAINT "State_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "passwordHash" VARCHAR(255) NOT NULL,
    "role" "Role" NOT NULL,
    "stateId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "lastSignInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "ip" VARCHAR(64),
    "success" BOOLEAN NOT NULL,
    "outcome" VARCHAR(16) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginLock" (
    "key" VARCHAR(300) NOT NULL,
    "lockedUntil" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LoginLock_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AppSetting" (
    "key" VARCHAR(100) NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AppSetting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" UUID NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "date" DATE NOT NULL,
    "location" VARCHAR(200),
    "link" VARCHAR(2000),
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" UUID NOT NULL,
    "key" VARCHAR(50) NOT NULL,
    "label" VARCHAR(100) NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusScale" (
    "id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "description" VARCHAR(2000),
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusScale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScaleStatus" (
    "id" UUID NOT NULL,
    "scaleId" UUID NOT NULL,
    "key" VARCHAR(50) NOT NULL,
    "label" VARCHAR(100) NOT NULL,
    "position" INTEGER NOT NULL,
    "defaultProgress" INTEGER NOT NULL,
    "countsTowardsAverage" BOOLEAN NOT NULL DEFAULT true,
    "odihrLevel" "OdihrLevel",

    CONSTRAINT "ScaleStatus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "reference" VARCHAR(50) NOT NULL,
    "text" TEXT NOT NULL,
    "status" "RecommendationStatus" NOT NULL DEFAULT 'DRAFT',
    "scaleId" UUID NOT NULL,
    "dueDate" DATE,
    "addressAllParticipating" BOOLEAN NOT NULL DEFAULT true,
    "publishedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationAddressee" (
    "recommendationId" UUID NOT NULL,
    "stateId" UUID NOT NULL,

    CONSTRAINT "RecommendationAddressee_pkey" PRIMARY KEY ("recommendationId","stateId")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" UUID NOT NULL,
    "recommendationId" UUID NOT NULL,
    "stateId" UUID NOT NULL,
    "voluntary" BOOLEAN NOT NULL DEFAULT false,
    "acceptedStatusId" UUID NOT NULL,
    "acceptedProgress" INTEGER NOT NULL DEFAULT 0,
    "acceptedAt" TIMESTAMPTZ(3),
    "dueDate" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentStatusChange" (
    "id" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "statusId" UUID NOT NULL,
    "progress" INTEGER NOT NULL,
    "effectiveAt" TIMESTAMPTZ(3) NOT NULL,
    "updateId" UUID,
    "changedById" UUID,

    CONSTRAINT "CommitmentStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressUpdate" (
    "id" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "statusId" UUID NOT NULL,
    "progress" INTEGER NOT NULL,
    "narrative" TEXT NOT NULL DEFAULT '',
    "reportingPeriod" VARCHAR(100),
    "state" "UpdateState" NOT NULL DEFAULT 'DRAFT',
    "reviewerId" UUID,
    "reviewComment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "submittedAt" TIMESTAMPTZ(3),
    "reviewedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProgressUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceLink" (
    "id" UUID NOT NULL,
    "updateId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "url" VARCHAR(2000) NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "EvidenceLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL,
    "commitmentId" UUID NOT NULL,
    "statusId" UUID NOT NULL,
    "rationale" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "assessorId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "actorId" UUID,
    "actorEmail" VARCHAR(254),
    "actorRole" VARCHAR(20),
    "actorStateId" UUID,
    "action" VARCHAR(100) NOT NULL,
    "entityType" VARCHAR(50) NOT NULL,
    "entityId" VARCHAR(100) NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "requestId" VARCHAR(100),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_RecommendationToTheme" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_RecommendationToTheme_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "State_iso2_key" ON "State"("iso2");

-- CreateIndex
CREATE UNIQUE INDEX "State_iso3_key" ON "State"("iso3");

-- CreateIndex
CREATE UNIQUE INDEX "State_name_key" ON "State"("name");

-- CreateIndex
CREATE INDEX "State_kind_name_idx" ON "State"("kind", "name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_stateId_idx" ON "User"("stateId");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_createdAt_idx" ON "LoginAttempt"("email", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "Source_date_idx" ON "Source"("date");

-- CreateIndex
CREATE UNIQUE INDEX "Theme_key_key" ON "Theme"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Theme_label_key" ON "Theme"("label");

-- CreateIndex
CREATE UNIQUE INDEX "StatusScale_name_key" ON "StatusScale"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ScaleStatus_scaleId_key_key" ON "ScaleStatus"("scaleId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "ScaleStatus_scaleId_position_key" ON "ScaleStatus"("scaleId", "position");

-- CreateIndex
CREATE INDEX "Recommendation_status_sourceId_idx" ON "Recommendation"("status", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_sourceId_reference_key" ON "Recommendation"("sourceId", "reference");

-- CreateIndex
CREATE INDEX "RecommendationAddressee_stateId_idx" ON "RecommendationAddressee"("stateId");

-- CreateIndex
CREATE INDEX "Commitment_stateId_recommendationId_idx" ON "Commitment"("stateId", "recommendationId");

-- CreateIndex
CREATE INDEX "Commitment_dueDate_idx" ON "Commitment"("dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_recommendationId_stateId_key" ON "Commitment"("recommendationId", "stateId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentStatusChange_updateId_key" ON "CommitmentStatusChange"("updateId");

-- CreateIndex
CREATE INDEX "CommitmentStatusChange_commitmentId_effectiveAt_idx" ON "CommitmentStatusChange"("commitmentId", "effectiveAt" DESC);

-- CreateIndex
CREATE INDEX "ProgressUpdate_commitmentId_createdAt_idx" ON "ProgressUpdate"("commitmentId", "createdAt");

-- CreateIndex
CREATE INDEX "ProgressUpdate_state_submittedAt_idx" ON "ProgressUpdate"("state", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceLink_updateId_position_key" ON "EvidenceLink"("updateId", "position");

-- CreateIndex
CREATE INDEX "Assessment_commitmentId_createdAt_idx" ON "Assessment"("commitmentId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_createdAt_idx" ON "AuditEvent"("entityType", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE INDEX "_RecommendationToTheme_B_index" ON "_RecommendationToTheme"("B");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_stateId_fkey" FOREIGN KEY ("stateId") REFERENCES "State"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScaleStatus" ADD CONSTRAINT "ScaleStatus_scaleId_fkey" FOREIGN KEY ("scaleId") REFERENCES "StatusScale"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_scaleId_fkey" FOREIGN KEY ("scaleId") REFERENCES "StatusScale"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationAddressee" ADD CONSTRAINT "RecommendationAddressee_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationAddressee" ADD CONSTRAINT "RecommendationAddressee_stateId_fkey" FOREIGN KEY ("stateId") REFERENCES "State"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_stateId_fkey" FOREIGN KEY ("stateId") REFERENCES "State"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_acceptedStatusId_fkey" FOREIGN KEY ("acceptedStatusId") REFERENCES "ScaleStatus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentStatusChange" ADD CONSTRAINT "CommitmentStatusChange_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentStatusChange" ADD CONSTRAINT "CommitmentStatusChange_statusId_fkey" FOREIGN KEY ("statusId") REFERENCES "ScaleStatus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentStatusChange" ADD CONSTRAINT "CommitmentStatusChange_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "ProgressUpdate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_statusId_fkey" FOREIGN KEY ("statusId") REFERENCES "ScaleStatus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLink" ADD CONSTRAINT "EvidenceLink_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "ProgressUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_statusId_fkey" FOREIGN KEY ("statusId") REFERENCES "ScaleStatus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RecommendationToTheme" ADD CONSTRAINT "_RecommendationToTheme_A_fkey" FOREIGN KEY ("A") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RecommendationToTheme" ADD CONSTRAINT "_RecommendationToTheme_B_fkey" FOREIGN KEY ("B") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
