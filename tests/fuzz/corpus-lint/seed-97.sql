CREATE TABLE users (id uuid PRIMARY KEY);
INSERT INTO users VALUES ('oops);
CREATE TABLE teams (id uuid PRIMARY KEY);
