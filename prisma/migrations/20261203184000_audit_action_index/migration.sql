-- The audit log filtered by kind of change, newest first, paged by (createdAt, id); and the
-- skip scan that lists the kinds of change.
CREATE INDEX "AuditEvent_action_createdAt_id_idx" ON "AuditEvent"("action", "createdAt", "id");
