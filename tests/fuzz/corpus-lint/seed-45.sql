CREATE TYPE role_enum AS ENUM ('admin', 'member');
CREATE TABLE users (id uuid PRIMARY KEY, email text, role role_enum);
CREATE INDEX idx_users_email ON users (email);
