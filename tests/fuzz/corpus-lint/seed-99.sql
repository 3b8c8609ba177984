--
-- PostgreSQL database dump
--
\restrict abc123
SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
\connect app

CREATE TABLE public.users (
    id uuid NOT NULL,
    bio text
);

COPY public.users (id, bio) FROM stdin;
7c9e6679-7425-40de-944b-e07fc1f90ae7	it's a \\ backslash; and 'quote
\.

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);
\unrestrict abc123
