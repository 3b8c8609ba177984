CREATE TABLE users (id uuid PRIMARY KEY);
CREATE INDEX idx_users_id ON users (id);
