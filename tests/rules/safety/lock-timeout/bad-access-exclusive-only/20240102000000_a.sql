-- migrate:up
CREATE INDEX idx_users_name ON users (name);
ALTER TABLE orders ADD COLUMN note text;

-- migrate:down
SELECT 1;
