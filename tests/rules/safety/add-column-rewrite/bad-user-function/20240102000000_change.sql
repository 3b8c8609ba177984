-- migrate:up
ALTER TABLE users ADD COLUMN code text NOT NULL DEFAULT random_code();
ALTER TABLE users ADD COLUMN code2 text DEFAULT public.random_code() || 'x';

-- migrate:down
ALTER TABLE users DROP COLUMN code2;
ALTER TABLE users DROP COLUMN code;
