-- migrate:up
ALTER TABLE a ADD COLUMN note text;
ALTER TABLE b ADD COLUMN note text;

-- migrate:down
SELECT 1;
