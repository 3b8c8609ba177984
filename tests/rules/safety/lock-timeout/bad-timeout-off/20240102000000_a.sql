-- migrate:up
SET lock_timeout = '2s';
SET lock_timeout = 0;
ALTER TABLE users ADD COLUMN nickname text;

-- migrate:down
SELECT 1;
