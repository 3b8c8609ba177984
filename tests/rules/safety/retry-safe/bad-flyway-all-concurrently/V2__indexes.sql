-- only non-transactional statements: Flyway runs them outside a transaction
CREATE INDEX CONCURRENTLY idx_users_email ON users (email);
CREATE INDEX CONCURRENTLY idx_users_id_email ON users (id, email);
