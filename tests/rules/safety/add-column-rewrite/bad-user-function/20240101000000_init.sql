-- migrate:up
CREATE TABLE users (id bigint PRIMARY KEY, name text);
-- no volatility given: PostgreSQL makes it VOLATILE
CREATE FUNCTION random_code() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;

-- migrate:down
DROP FUNCTION random_code();
DROP TABLE users;
