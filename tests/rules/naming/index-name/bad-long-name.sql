-- A 75-byte index name: PostgreSQL keeps 63 bytes of it, and the finding points at the name as
-- written (not at the start of the statement).
CREATE TABLE payment_installments (id uuid PRIMARY KEY, due_on date NOT NULL, status text NOT NULL);
CREATE INDEX payment_installments_due_on_status_for_the_nightly_dunning_jobs_scanner_v02
    ON payment_installments (due_on, status);
