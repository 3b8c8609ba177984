-- migrate:up
SELECT set_config('lock_timeout', '2s', true);
ALTER TABLE users ADD COLUMN nick2 text;

-- migrate:down
SELECT 1;
