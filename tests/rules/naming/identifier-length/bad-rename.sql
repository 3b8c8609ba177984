-- New names past 63 bytes given by RENAME.
CREATE TABLE payment_installments (
    id uuid PRIMARY KEY,
    amount_cents bigint NOT NULL CONSTRAINT chk_payment_installments_amount CHECK (amount_cents > 0)
);
CREATE INDEX idx_payment_installments_amount ON payment_installments (amount_cents);
ALTER TABLE payment_installments
    RENAME CONSTRAINT chk_payment_installments_amount TO chk_payment_installments_amount_cents_is_strictly_positive_always;
ALTER INDEX idx_payment_installments_amount
    RENAME TO idx_payment_installments_amount_cents_for_the_monthly_revenue_report;
