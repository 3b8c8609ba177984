ALTER TABLE users ADD COLUMN status text;
ALTER TABLE users ALTER COLUMN age TYPE bigint;
