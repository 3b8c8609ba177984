-- Suggested names longer than PostgreSQL's 63 bytes are shortened (README "Suggested names"):
-- the plural word, and what follows it, stays at the end.
CREATE TABLE quarterly_compliance_attestation_document_retention_sched_entry (
    id uuid PRIMARY KEY
);
CREATE TABLE tenant_scoped_marketplace_listing_moderation_review_st_box_2024 (
    id uuid PRIMARY KEY
);
CREATE TABLE tenant_scoped_marketplace_listing_moderation_reviewer_dispatch (
    id uuid PRIMARY KEY
);
