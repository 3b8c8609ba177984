-- the usual enum change of ORMs: a new type, columns moved to it, the old one dropped, the new
-- one renamed into place; only the final name is judged, at its rename
CREATE TYPE status_enum AS ENUM ('a');
CREATE TABLE orders (id int PRIMARY KEY, status status_enum);
CREATE TYPE status_enum_new AS ENUM ('a', 'b');
ALTER TABLE orders ALTER COLUMN status TYPE status_enum_new USING status::text::status_enum_new;
DROP TYPE status_enum;
ALTER TYPE status_enum_new RENAME TO status_enum;
