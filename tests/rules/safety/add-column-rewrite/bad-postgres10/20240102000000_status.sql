-- migrate:up
ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';
ALTER TABLE users ADD COLUMN note text DEFAULT NULL;

-- migrate:down
SELECT 1;
