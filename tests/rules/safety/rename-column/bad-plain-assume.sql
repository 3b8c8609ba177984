-- a plain schema file: the table may or may not exist on a server
ALTER TABLE users RENAME COLUMN nickname TO display_name;
