-- Findings about a renamed constraint point at the statement that gave it its name; a table
-- renamed without its constraints leaves names PostgreSQL would no longer generate.
CREATE TABLE tenants (id uuid PRIMARY KEY);
CREATE TABLE ideas (id uuid PRIMARY KEY, tenant_id uuid REFERENCES tenants (id));
ALTER TABLE ideas RENAME TO posts;
ALTER TABLE posts RENAME CONSTRAINT ideas_tenant_id_fkey TO posts_tenant_fk;
