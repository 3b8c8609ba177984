-- a plain schema file: users is not created here, so with safety.assume_existing it exists
CREATE TABLE fresh (id bigint PRIMARY KEY, email text, age integer, user_id bigint);
CLUSTER users USING users_pkey;
ALTER TABLE fresh SET UNLOGGED;
