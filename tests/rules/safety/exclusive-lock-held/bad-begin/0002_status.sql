BEGIN;
ALTER TABLE orders RENAME COLUMN total TO amount;
CREATE INDEX idx_users_email ON users (email);
COMMIT;
