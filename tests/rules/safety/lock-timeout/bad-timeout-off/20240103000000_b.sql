-- migrate:up
SET lock_timeout = '2s';
RESET lock_timeout;
CREATE INDEX idx_users_name ON users (name);

-- migrate:down
SELECT 1;
