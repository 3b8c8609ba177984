-- a plain schema file: users is not created here, so with safety.assume_existing it exists
CREATE TABLE fresh (id bigint PRIMARY KEY, email text, age integer, user_id bigint);
ALTER TABLE users ADD CONSTRAINT ex_users_age EXCLUDE USING btree (age WITH =);
ALTER TABLE fresh ADD CONSTRAINT ex_fresh_age EXCLUDE USING btree (age WITH =);
