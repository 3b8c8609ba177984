-- migrate:up
CREATE TABLE users (id bigint PRIMARY KEY, name text);
CREATE FUNCTION default_region() RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'eu' $$;
CREATE FUNCTION default_tier() RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT 'free' $$;

-- migrate:down
DROP FUNCTION default_tier();
DROP FUNCTION default_region();
DROP TABLE users;
