-- Suggested names longer than PostgreSQL's 63 bytes are shortened (README "Suggested names"):
-- the suffix stays at the end.
CREATE TABLE provider_sync_runs (
    id uuid PRIMARY KEY,
    last_successful_synchronization_with_upstream_billing_provider timestamptz,
    most_recent_quarterly_compliance_attestation_document_review_ts timestamptz,
    quarterly_compliance_attestation_document_retention_expiry date
);
