-- CHECK constraint names of 72 bytes: PostgreSQL keeps 63 bytes of each, and the findings
-- point at the names as written (not at the start of the statement).
CREATE TABLE payment_installments (
    id uuid PRIMARY KEY,
    amount_cents bigint NOT NULL,
    CONSTRAINT payment_installments_amount_must_be_positive_and_below_the_plans_cap_v02 CHECK (amount_cents > 0)
);
ALTER TABLE payment_installments ADD CONSTRAINT payment_installments_amount_is_a_whole_number_of_cents_in_every_currency
    CHECK (amount_cents % 1 = 0);
