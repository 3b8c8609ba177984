-- Up Migration
CREATE INDEX CONCURRENTLY idx_users_email ON users (email);
-- Down Migration
DROP INDEX idx_users_email;
