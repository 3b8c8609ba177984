CREATE TABLE "user" (
    id uuid PRIMARY KEY,
    "order" int,
    "group" text,
    "check" boolean,
    "left" int
);
CREATE TABLE public."table" (id uuid PRIMARY KEY);
ALTER TABLE "user" ADD COLUMN "select" text;
CREATE FUNCTION "between"() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
