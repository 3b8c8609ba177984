ALTER TABLE users ADD COLUMN name text;
CREATE INDEX CONCURRENTLY idx_users_email ON users (email);
