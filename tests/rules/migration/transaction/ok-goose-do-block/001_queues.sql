-- +goose NO TRANSACTION
-- +goose Up
-- +goose StatementBegin
-- goose sends the block as one statement, and PostgreSQL runs a DO block atomically
DO $$
BEGIN
    CREATE TABLE queues (id uuid PRIMARY KEY, name text NOT NULL);
    CREATE INDEX idx_queues_name ON queues (name);
END $$;
-- +goose StatementEnd
-- +goose Down
DROP TABLE queues;
