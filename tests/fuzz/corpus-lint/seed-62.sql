CREATE TABLE customer_subscription_billing_adjustment_history_entries_archive (
    id uuid PRIMARY KEY,
    a_column_name_that_just_keeps_going_and_going_far_beyond_the_limit text
);
CREATE TABLE billing_adjustment_entries_for_customer_subscriptions_2026 (
    id uuid PRIMARY KEY,
    customer_subscription_reference_identifier uuid UNIQUE
);
CREATE INDEX ON billing_adjustment_entries_for_customer_subscriptions_2026 (customer_subscription_reference_identifier, id);
