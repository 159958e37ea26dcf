-- The commitments list is keyset-paged by (reference, commitment id): PostgreSQL walks the
-- recommendations in reference order from the cursor and probes each one's commitments, so a
-- deep page costs what the first page costs.
CREATE INDEX "Recommendation_reference_id_idx" ON "Recommendation"("reference", "id");
