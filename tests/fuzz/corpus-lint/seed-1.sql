CREATE TABLE users (id uuid PRIMARY KEY);
CREATE TABLE projects (id uuid PRIMARY KEY, org_id uuid, code text, UNIQUE (org_id, code));
CREATE TABLE orders (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id),
    project_org uuid,
    project_code text,
    CONSTRAINT fk_orders_project FOREIGN KEY (project_org, project_code) REFERENCES projects (org_id, code)
);
-- only the second column of the key leads nothing
CREATE INDEX idx_orders_project_code ON orders (project_code);
-- an expression does not serve the equality lookup
CREATE INDEX idx_orders_user_text ON orders ((user_id::text));
-- a partial index on something else does not count
CREATE INDEX idx_orders_user_partial ON orders (user_id) WHERE project_org IS NULL;
-- a GIN index does not serve it either
CREATE TABLE follows (id uuid PRIMARY KEY, follower_id uuid REFERENCES users);
CREATE INDEX idx_follows_follower ON follows USING gin (follower_id);
-- a covering index dropped later no longer counts
CREATE TABLE likes (id uuid PRIMARY KEY, user_id uuid REFERENCES users);
CREATE INDEX idx_likes_user_id ON likes (user_id);
DROP INDEX idx_likes_user_id;
