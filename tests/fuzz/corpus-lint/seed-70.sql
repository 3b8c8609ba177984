CREATE SCHEMA "Billing";
CREATE TABLE "UserAccounts" (
    id uuid PRIMARY KEY,
    weightKg numeric(6,2),
    "First Name" text,
    CONSTRAINT "UQ_Email" UNIQUE (weightKg)
);
CREATE INDEX idxUserWeight ON "UserAccounts" (weightKg);
CREATE TYPE OrderStatus AS ENUM ('Pending', 'Shipped');
CREATE VIEW ActiveUsers AS SELECT id FROM "UserAccounts";
CREATE FUNCTION TouchRow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER TouchUsers BEFORE UPDATE ON "UserAccounts" FOR EACH ROW EXECUTE FUNCTION TouchRow();
ALTER TABLE "UserAccounts" ADD COLUMN lastLoginAt timestamptz;
ALTER TABLE "UserAccounts" RENAME COLUMN "First Name" TO firstName;
CREATE SEQUENCE Ticket_Numbers;
