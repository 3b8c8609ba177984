CREATE TABLE users (id int PRIMARY KEY);
CREATE INDEX idx_users_id ON users (id);
