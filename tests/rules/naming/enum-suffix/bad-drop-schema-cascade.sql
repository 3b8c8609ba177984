-- DROP SCHEMA ... CASCADE drops every object in it (types, views, sequences, functions, not only
-- tables): the types made again afterwards are new, and judged where they are made.
CREATE SCHEMA app;
CREATE TYPE app.mood_enum AS ENUM ('happy', 'sad');
CREATE TYPE app.colour AS ENUM ('red', 'green');
CREATE TABLE app.people (id uuid PRIMARY KEY, mood app.mood_enum, colour app.colour);
CREATE VIEW app.happy_people AS SELECT id FROM app.people WHERE mood = 'happy';
CREATE SEQUENCE app.ticket_numbers;
DROP SCHEMA app CASCADE;
CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('happy', 'sad', 'calm');
-- DROP TYPE ... CASCADE drops the columns of that type
CREATE TYPE public.size_enum AS ENUM ('s', 'm', 'l');
CREATE TYPE public.shade AS ENUM ('light', 'dark');
CREATE TABLE public.shirts (id uuid PRIMARY KEY, size public.size_enum NOT NULL, shade public.shade);
DROP TYPE public.shade CASCADE;
