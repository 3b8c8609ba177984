-- DROP ... CASCADE reaching into other tables: the triggers that run a dropped function, the
-- defaults that call nextval() of a dropped sequence (named in every way PostgreSQL reads).
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE FUNCTION keep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE SEQUENCE invoice_no;
CREATE SEQUENCE "Order_No";
CREATE TABLE invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    no bigint NOT NULL DEFAULT nextval('invoice_no'),
    alt bigint DEFAULT nextval('public.invoice_no'::regclass),
    ord bigint DEFAULT nextval('"Order_No"'),
    other bigint DEFAULT 7,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER invoices_touch BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER invoices_touch_again BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION public.touch();
CREATE TRIGGER invoices_keep BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION keep();
DROP FUNCTION touch() CASCADE;
DROP SEQUENCE invoice_no CASCADE;
DROP SEQUENCE "Order_No" CASCADE;
