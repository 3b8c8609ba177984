-- +goose NO TRANSACTION
-- +goose Up
-- a failed build leaves an invalid index: the retry fails on its name
CREATE INDEX CONCURRENTLY idx_users_email ON users (email);
-- +goose Down
DROP INDEX CONCURRENTLY IF EXISTS idx_users_email;
