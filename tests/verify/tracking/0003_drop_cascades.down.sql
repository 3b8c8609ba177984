-- everything back but the index's comment
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION app.touch();
CREATE SEQUENCE app.invoice_no;
ALTER TABLE app.invoices ALTER COLUMN no SET DEFAULT nextval('app.invoice_no');
CREATE INDEX orders_account_id_idx ON app.orders (account_id);
