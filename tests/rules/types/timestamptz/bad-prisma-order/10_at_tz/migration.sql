ALTER TABLE events ALTER COLUMN at TYPE timestamptz;
