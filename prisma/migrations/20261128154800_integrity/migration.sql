-- Rules the database itself enforces, beyond what the Prisma schema can express.

-- A focal point is bound to exactly one State; secretariat staff to none.
ALTER TABLE "User" ADD CONSTRAINT "User_focal_point_state_check"
  CHECK (("role" = 'FOCAL_POINT') = ("stateId" IS NOT NULL));

-- Bounded values.
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_progress_check" CHECK ("acceptedProgress" BETWEEN 0 AND 100);
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_progress_check" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "CommitmentStatusChange" ADD CONSTRAINT "CommitmentStatusChange_progress_check" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "ScaleStatus" ADD CONSTRAINT "ScaleStatus_defaultProgress_check" CHECK ("defaultProgress" BETWEEN 0 AND 100);
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_text_length_check" CHECK (char_length("text") BETWEEN 1 AND 20000);
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_narrative_length_check" CHECK (char_length("narrative") <= 10000);

-- One open (draft or submitted) update per commitment at a time, even under concurrent requests.
CREATE UNIQUE INDEX "ProgressUpdate_one_open_per_commitment"
  ON "ProgressUpdate" ("commitmentId") WHERE "state" IN ('DRAFT', 'SUBMITTED');

-- The audit trail is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
