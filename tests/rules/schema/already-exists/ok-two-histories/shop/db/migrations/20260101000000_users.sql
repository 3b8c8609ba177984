-- migrate:up
CREATE TABLE users (id uuid PRIMARY KEY);
-- migrate:down
DROP TABLE users;
