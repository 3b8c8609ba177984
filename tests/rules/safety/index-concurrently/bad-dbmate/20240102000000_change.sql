-- migrate:up
CREATE INDEX idx_users_email ON users (email);
CREATE UNIQUE INDEX uq_users_name ON users (name);
DROP INDEX idx_users_age;
REINDEX TABLE users;
REINDEX INDEX users_pkey;

-- migrate:down
SELECT 1;
