-- migrate:up
ALTER TABLE users ADD COLUMN region text NOT NULL DEFAULT default_region();
ALTER TABLE users ADD COLUMN tier text NOT NULL DEFAULT default_tier();

-- migrate:down
ALTER TABLE users DROP COLUMN tier;
ALTER TABLE users DROP COLUMN region;
