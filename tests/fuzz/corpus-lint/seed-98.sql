CREATE FUNCTION touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $body$
BEGIN
    NEW.updated_at := now(); -- a comment; with a semicolon
    RETURN NEW;
END;
$body$;
/* a /* nested */ comment */
CREATE TABLE "weird;name" (id uuid PRIMARY KEY, note text DEFAULT E'it\'s; fine');
