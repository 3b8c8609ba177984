-- migrate:up
CREATE TABLE users (id uuid PRIMARY KEY, email text);

-- migrate:down
DROP TABLE users;
