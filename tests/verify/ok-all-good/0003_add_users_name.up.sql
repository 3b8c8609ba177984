ALTER TABLE users ADD COLUMN display_name text;
ALTER TABLE users ALTER COLUMN display_name SET DEFAULT '';
COMMENT ON COLUMN users.display_name IS 'shown to others';
