-- CHECK constraints named past 63 bytes: in CREATE TABLE (on a column and on the table) and in
-- ALTER TABLE ... ADD CONSTRAINT. PostgreSQL stores the first 63 bytes of each.
CREATE TABLE payment_installments (
    id uuid PRIMARY KEY,
    amount_cents bigint NOT NULL,
    due_on date NOT NULL
        CONSTRAINT chk_payment_installments_due_on_must_fall_within_the_billing_period_window CHECK (due_on > '2000-01-01'),
    status text NOT NULL,
    paid_at timestamptz,
    CONSTRAINT chk_payment_installments_amount_must_be_positive_and_below_the_plans_cap CHECK (amount_cents > 0)
);
ALTER TABLE payment_installments
    ADD CONSTRAINT chk_payment_installments_paid_at_is_set_exactly_when_status_is_settled
    CHECK ((status = 'settled') = (paid_at IS NOT NULL));
-- one of 63 bytes is kept whole
ALTER TABLE payment_installments ADD CONSTRAINT chk_payment_installments_status_is_one_of_the_known_states_okay
    CHECK (status IN ('open', 'settled'));
