-- PostgreSQL named it accounts_email_key1: accounts_email_key is the index on others
ALTER TABLE accounts DROP CONSTRAINT accounts_email_key1;
