-- +migrate Up notransaction
CREATE INDEX CONCURRENTLY idx_users_email ON users (email);
-- +migrate Down notransaction
DROP INDEX CONCURRENTLY idx_users_email;
