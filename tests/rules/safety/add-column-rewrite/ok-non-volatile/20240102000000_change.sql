-- migrate:up
ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE users ADD COLUMN updated_at timestamptz DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';
ALTER TABLE users ADD COLUMN tags text[] DEFAULT '{}'::text[];
ALTER TABLE users ADD COLUMN note text DEFAULT NULL;
ALTER TABLE users ADD COLUMN score integer DEFAULT my_schema.random();
ALTER TABLE users ADD COLUMN IF NOT EXISTS email varchar(100) DEFAULT gen_random_uuid()::text;

-- migrate:down
SELECT 1;
