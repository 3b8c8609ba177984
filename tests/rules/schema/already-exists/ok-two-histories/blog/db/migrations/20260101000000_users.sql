-- migrate:up
CREATE TABLE users (id uuid PRIMARY KEY, handle text);
-- migrate:down
DROP TABLE users;
