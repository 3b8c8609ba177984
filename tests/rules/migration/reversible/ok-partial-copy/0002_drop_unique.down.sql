ALTER TABLE accounts ADD UNIQUE (email);
