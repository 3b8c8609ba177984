-- migrate:up transaction:false
CREATE UNIQUE INDEX CONCURRENTLY uq_users_email ON users (email);

-- migrate:down
SELECT 1;
