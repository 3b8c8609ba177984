-- pg_dump's empty search_path: the snapshots are written with the usual one all the same
CREATE TYPE mood AS ENUM ('a');
CREATE FUNCTION f(m mood) RETURNS int LANGUAGE sql AS 'SELECT 1';
