-- +migrate Up
CREATE INDEX CONCURRENTLY idx_users_email ON users (email);
-- +migrate Down
DROP INDEX idx_users_email;
