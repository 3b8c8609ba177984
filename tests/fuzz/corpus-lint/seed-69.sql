CREATE TABLE users (
    id uuid PRIMARY KEY,
    "name" text,
    "type" text,
    "position" int,
    "User" text,
    "between" int
);
CREATE FUNCTION "left"(t text) RETURNS text LANGUAGE sql AS $$ SELECT t $$;
