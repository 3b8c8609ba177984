CREATE TABLE billing_adjustment_archives (
    id uuid PRIMARY KEY,
    customer_subscription_id uuid UNIQUE
);
-- exactly 63 bytes is fine
CREATE TABLE abcdefghij_abcdefghij_abcdefghij_abcdefghij_abcdefghij_abcdefgh (id int);
CREATE TABLE "café_entrées" (id int);
