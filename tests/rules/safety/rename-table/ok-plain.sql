-- a plain schema file: the table may or may not exist on a server
ALTER TABLE users RENAME TO accounts;
