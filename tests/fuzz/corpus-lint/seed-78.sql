CREATE TABLE users (id uuid PRIMARY KEY);
CREATE TABLE sessions (id uuid PRIMARY KEY, user_id uuid REFERENCES users (id));
CREATE TABLE tokens (id uuid PRIMARY KEY, user_id uuid, FOREIGN KEY (user_id) REFERENCES users ON UPDATE CASCADE);
