-- ALTER SCHEMA ... RENAME: every object in the schema is in the new one, and what names them
-- (a foreign key from another schema, a column of one of its types) follows.
CREATE SCHEMA billing;
CREATE TYPE billing.invoice_status AS ENUM ('open', 'paid');
CREATE DOMAIN billing.amount AS numeric(12,2) CHECK (VALUE >= 0);
CREATE TABLE billing.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status billing.invoice_status NOT NULL DEFAULT 'open',
    total billing.amount NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoices_status_idx ON billing.invoices (status);
CREATE VIEW billing.open_invoices AS SELECT id, total FROM billing.invoices WHERE status = 'open';
CREATE FUNCTION billing.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE TRIGGER invoices_touch BEFORE UPDATE ON billing.invoices FOR EACH ROW EXECUTE FUNCTION billing.touch();
CREATE TABLE public.payments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id bigint NOT NULL REFERENCES billing.invoices (id),
    status billing.invoice_status NOT NULL
);
CREATE INDEX payments_invoice_id_idx ON public.payments (invoice_id);
ALTER SCHEMA billing RENAME TO accounting;
