-- a plain schema file: users is not created here, so with safety.assume_existing it exists
CREATE TABLE fresh (id bigint PRIMARY KEY, email text, age integer, user_id bigint);
ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();
ALTER TABLE fresh ADD COLUMN token uuid DEFAULT gen_random_uuid();
