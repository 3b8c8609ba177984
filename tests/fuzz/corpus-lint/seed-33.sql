CREATE INDEX idx_users_id ON users (id);
