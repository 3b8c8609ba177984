BEGIN;
ALTER TABLE users ADD COLUMN status text;
COMMIT;
BEGIN;
UPDATE users SET status = 'active';
COMMIT;
