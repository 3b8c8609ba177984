-- migrate:up
CREATE INDEX idx_users_name ON users (name);
UPDATE users SET name = lower(name);

-- migrate:down
SELECT 1;
