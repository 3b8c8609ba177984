-- the difference 0002 left is 0002's: not reported again here
ALTER TABLE users ADD COLUMN name text;
