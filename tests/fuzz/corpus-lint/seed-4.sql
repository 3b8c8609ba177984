CREATE TABLE users (id uuid PRIMARY KEY);
CREATE TABLE projects (id uuid PRIMARY KEY, org_id uuid, code text, UNIQUE (org_id, code));
CREATE TABLE orders (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id),
    project_org uuid,
    project_code text,
    FOREIGN KEY (project_org, project_code) REFERENCES projects (org_id, code)
);
CREATE INDEX idx_orders_user_id_created ON orders (user_id, id);
-- the key's columns lead the index in another order: the equality lookup still uses it
CREATE INDEX idx_orders_project ON orders (project_code, project_org);
-- a primary key covers a foreign key on its leading column
CREATE TABLE memberships (
    user_id uuid REFERENCES users,
    project_id uuid REFERENCES projects,
    PRIMARY KEY (user_id, project_id)
);
CREATE INDEX idx_memberships_project_id ON memberships (project_id) WHERE project_id IS NOT NULL;
-- a unique constraint counts too
CREATE TABLE profiles (id uuid PRIMARY KEY, user_id uuid UNIQUE REFERENCES users);
