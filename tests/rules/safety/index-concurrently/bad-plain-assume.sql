-- a plain schema file: users is not created here, so with safety.assume_existing it exists
CREATE TABLE fresh (id bigint PRIMARY KEY, email text, age integer, user_id bigint);
CREATE INDEX idx_users_email ON users (email);
CREATE INDEX idx_fresh_email ON fresh (email);
