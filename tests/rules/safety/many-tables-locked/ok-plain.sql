-- a plain schema file: users is not created here, so with safety.assume_existing it exists
CREATE TABLE fresh (id bigint PRIMARY KEY, email text, age integer, user_id bigint);
BEGIN;
ALTER TABLE users ADD COLUMN x text;
ALTER TABLE orders ADD COLUMN x text;
ALTER TABLE items ADD COLUMN x text;
ALTER TABLE carts ADD COLUMN x text;
COMMIT;
ALTER TABLE fresh ADD COLUMN x text;
