-- drops that reach into other tables: the trigger on app.orders, the default of app.invoices;
-- the index takes its comment with it
DROP FUNCTION app.touch() CASCADE;
DROP SEQUENCE app.invoice_no CASCADE;
DROP INDEX app.orders_account_id_idx;
