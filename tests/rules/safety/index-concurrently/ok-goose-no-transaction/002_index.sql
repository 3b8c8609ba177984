-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY idx_users_email ON users (email);
DROP INDEX CONCURRENTLY idx_users_age;
REINDEX (CONCURRENTLY) TABLE users;

-- +goose Down
SELECT 1;
