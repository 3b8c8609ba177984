CREATE TABLE inventory (id uuid PRIMARY KEY);
CREATE TABLE users (id uuid PRIMARY KEY);
CREATE VIEW active_user AS SELECT id FROM users;
CREATE VIEW active_users AS SELECT id FROM users;
