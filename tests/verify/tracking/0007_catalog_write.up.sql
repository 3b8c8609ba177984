-- a catalog written directly: no DDL command shows it, and ddlint's model does not follow it
UPDATE pg_catalog.pg_attribute SET attnotnull = true
 WHERE attrelid = 'app.orders'::regclass AND attname = 'note';
