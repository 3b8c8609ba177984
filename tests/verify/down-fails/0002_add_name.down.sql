-- a typo: the column is name
ALTER TABLE users DROP COLUMN nmae;
