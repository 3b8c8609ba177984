CREATE SCHEMA billing;
CREATE TABLE billing.user_accounts (
    id uuid PRIMARY KEY,
    weight_kg numeric(6,2),
    address_line2 text,
    CONSTRAINT uq_user_accounts_weight_kg UNIQUE (weight_kg)
);
-- enum labels are data, not names
CREATE TYPE order_status_enum AS ENUM ('Pending', 'Shipped');
CREATE INDEX idx_user_accounts_weight_kg ON billing.user_accounts (weight_kg);
-- keywords in upper case are not names
CREATE TABLE IF NOT EXISTS audit_log (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
-- referenced names are not ours to choose
CREATE TABLE notes (id uuid PRIMARY KEY, owner_id uuid REFERENCES "ExternalOwners" ("OwnerId"));
