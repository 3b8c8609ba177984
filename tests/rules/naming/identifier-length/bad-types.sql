-- Types: an enum, a domain, a composite type and a range type, each past 63 bytes.
CREATE TYPE payment_installment_settlement_channel_used_by_the_reconciliation_enum AS ENUM ('card', 'transfer');
CREATE DOMAIN positive_installment_amount_in_minor_currency_units_for_all_billing_plans AS bigint
    CHECK (VALUE > 0);
CREATE TYPE public.installment_amount_and_currency_pair_as_printed_on_remittance_slips AS (
    amount_cents bigint,
    currency char(3)
);
CREATE TYPE installment_due_date_window_used_when_grouping_reminders_for_collectors AS RANGE (subtype = date);
