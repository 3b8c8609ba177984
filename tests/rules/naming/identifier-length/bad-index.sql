-- An index name of 75 bytes, and a unique one of 66 (schema-qualified table, IF NOT EXISTS).
CREATE TABLE payment_installments (
    id uuid PRIMARY KEY,
    reference text NOT NULL,
    due_on date NOT NULL,
    status text NOT NULL
);
CREATE INDEX idx_payment_installments_due_on_status_for_the_nightly_dunning_jobs_scanner
    ON payment_installments (due_on, status);
CREATE UNIQUE INDEX IF NOT EXISTS uq_payment_installments_reference_printed_on_every_remittance_slip
    ON public.payment_installments (reference);
