CREATE INDEX CONCURRENTLY idx_users_id ON users (id);
