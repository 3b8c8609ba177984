-- Names judged as written, not as PostgreSQL cuts them: the first 63 bytes of each of these end
-- in an underscore, which is not snake_case, but the names themselves are.
CREATE TABLE payment_installments (
    id uuid PRIMARY KEY,
    due_on date NOT NULL,
    amount_cents bigint NOT NULL,
    CONSTRAINT chk_payment_installments_amount_cents_must_be_positive_for_all_plan_tiers CHECK (amount_cents > 0)
);
CREATE INDEX payment_installments_due_on_status_for_the_nightly_dunning_job_scanner
    ON payment_installments (due_on);
CREATE TYPE payment_installment_settlement_channel_used_by_reconciliations_of_bank_enum AS ENUM ('card');
