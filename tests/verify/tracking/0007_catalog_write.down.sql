UPDATE pg_catalog.pg_attribute SET attnotnull = false
 WHERE attrelid = 'app.orders'::regclass AND attname = 'note';
