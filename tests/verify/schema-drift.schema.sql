--
-- PostgreSQL database dump (as pg_dump writes it; edited by hand since)
--
SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
\restrict abc123

CREATE TABLE public.schema_migrations (version bigint NOT NULL, dirty boolean NOT NULL);
-- email became NOT NULL here, never in a migration
CREATE TABLE public.users (id bigint NOT NULL, email text NOT NULL);
ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
-- the index of 0002 is missing; a function no migration creates
CREATE FUNCTION public.touch() RETURNS integer LANGUAGE sql AS 'SELECT 1';
