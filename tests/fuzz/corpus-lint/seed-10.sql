CREATE TABLE users (id uuid PRIMARY KEY, email text);
CREATE INDEX CONCURRENTLY idx_users_email ON users (email);
