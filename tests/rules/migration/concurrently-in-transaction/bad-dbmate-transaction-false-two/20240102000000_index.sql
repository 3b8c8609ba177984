-- migrate:up transaction:false
ALTER TABLE users ADD COLUMN name text;
CREATE INDEX CONCURRENTLY idx_users_email ON users (email);

-- migrate:down
DROP INDEX idx_users_email;
