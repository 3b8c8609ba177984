CREATE TABLE users (id uuid PRIMARY KEY, email text, org_id uuid, name text, data jsonb);
-- a different predicate, method, opclass or direction is a different index
CREATE INDEX idx_users_org_id_name ON users (org_id, name);
CREATE INDEX idx_users_org_id_partial ON users (org_id) WHERE name IS NULL;
CREATE INDEX idx_users_name_pattern ON users (name text_pattern_ops);
CREATE INDEX idx_users_name_hash ON users USING hash (name);
CREATE INDEX idx_users_name_desc ON users (name DESC);
-- a unique index is never covered by a wider or non-unique one
CREATE UNIQUE INDEX uq_users_email ON users (email);
CREATE INDEX idx_users_email_name ON users (email, name);
-- expressions differ from their columns
CREATE INDEX idx_users_lower_email ON users (lower(email));
-- a dropped index covers nothing
CREATE INDEX idx_users_org_id_name_2 ON users (org_id, name, email);
DROP INDEX idx_users_org_id_name_2;
