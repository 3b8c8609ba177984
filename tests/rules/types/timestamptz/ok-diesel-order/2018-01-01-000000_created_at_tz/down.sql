ALTER TABLE users ALTER COLUMN created_at TYPE timestamp;
