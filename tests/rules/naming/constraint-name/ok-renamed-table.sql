-- A table renamed, then its constraints renamed to the names PostgreSQL gives them for the new
-- name: they count as generated, as they do in a pg_dump of the database.
CREATE TABLE tenants (id uuid PRIMARY KEY);
CREATE TABLE ideas (id uuid PRIMARY KEY, tenant_id uuid REFERENCES tenants (id), title text CHECK (title <> ''));
ALTER TABLE ideas RENAME TO posts;
ALTER TABLE posts RENAME CONSTRAINT ideas_tenant_id_fkey TO posts_tenant_id_fkey;
ALTER TABLE posts RENAME CONSTRAINT ideas_title_check TO posts_title_check;
ALTER INDEX ideas_pkey RENAME TO posts_pkey;
