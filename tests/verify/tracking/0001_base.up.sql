-- The later migrations change objects where a snapshot that reads only the objects a command names
-- would miss it: text that names a renamed object, objects a drop takes along, a schema's rename,
-- DDL run by a DO block, a catalog written directly. The verify/model-differs findings expected here
-- are ddlint's model not following EXECUTE in a DO block or a catalog write (documented limits):
-- they show that the catalog snapshot saw those changes. After the others, the model and the
-- catalog agree only if the snapshot saw them too.
CREATE SCHEMA app;
CREATE SCHEMA side;
CREATE TABLE app.accounts (id bigint PRIMARY KEY, name text NOT NULL);
COMMENT ON TABLE app.accounts IS 'who pays';
CREATE TABLE app.orders (
    id bigint PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES app.accounts (id),
    note text
);
CREATE INDEX orders_account_id_idx ON app.orders (account_id);
COMMENT ON INDEX app.orders_account_id_idx IS 'for the foreign key';
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION app.touch();
CREATE SEQUENCE app.invoice_no;
CREATE TABLE app.invoices (no bigint NOT NULL DEFAULT nextval('app.invoice_no'), total numeric(12,2));
CREATE VIEW app.account_names AS SELECT id, name FROM app.accounts;
CREATE DOMAIN app.amount AS numeric(12,2) CONSTRAINT amount_positive CHECK (VALUE > 0);
CREATE TYPE app.status AS ENUM ('new', 'paid');
ALTER TABLE app.accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY accounts_own ON app.accounts USING (id > 0);
CREATE TABLE side.audit (id bigint PRIMARY KEY, account_id bigint REFERENCES app.accounts (id));
-- its foreign key's text names side.audit's schema
CREATE TABLE app.refunds (id bigint PRIMARY KEY, audit_id bigint REFERENCES side.audit (id));
