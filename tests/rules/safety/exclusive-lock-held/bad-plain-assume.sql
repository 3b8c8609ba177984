-- a plain schema file: users is not created here, so with safety.assume_existing it exists
CREATE TABLE fresh (id bigint PRIMARY KEY, email text, age integer, user_id bigint);
BEGIN;
ALTER TABLE users ADD COLUMN status text;
UPDATE users SET status = 'active';
COMMIT;
BEGIN;
ALTER TABLE fresh ADD COLUMN status text;
UPDATE fresh SET status = 'x';
COMMIT;
