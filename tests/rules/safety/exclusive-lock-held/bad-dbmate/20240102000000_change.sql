-- migrate:up
ALTER TABLE users ADD COLUMN status text;
UPDATE users SET status = 'active';
CREATE INDEX idx_users_status ON users (status);

-- migrate:down
SELECT 1;
