-- a plain schema file: users is not created here, so with safety.assume_existing it exists
CREATE TABLE fresh (id bigint PRIMARY KEY, email text, age integer, user_id bigint);
ALTER TABLE users ADD CONSTRAINT chk_users_age CHECK (age >= 0);
ALTER TABLE fresh ADD CONSTRAINT chk_fresh_age CHECK (age >= 0);
