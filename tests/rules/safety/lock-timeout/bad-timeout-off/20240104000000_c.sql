-- migrate:up
SET lock_timeout = '2s';

-- migrate:down
SELECT 1;
