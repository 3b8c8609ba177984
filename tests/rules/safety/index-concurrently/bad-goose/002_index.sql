-- +goose Up
CREATE INDEX idx_users_email ON users (email);

-- +goose Down
SELECT 1;
