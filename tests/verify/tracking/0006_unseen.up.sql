-- DDL run by a DO block: the event triggers see it, ddlint's model does not
DO $$ BEGIN EXECUTE 'ALTER TABLE app.orders ADD COLUMN shipped boolean'; END $$;
