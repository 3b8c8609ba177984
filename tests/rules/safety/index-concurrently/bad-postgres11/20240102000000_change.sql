-- migrate:up
REINDEX INDEX idx_users_age;

-- migrate:down
SELECT 1;
