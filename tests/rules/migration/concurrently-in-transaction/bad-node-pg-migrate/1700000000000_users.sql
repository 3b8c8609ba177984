-- Up Migration
CREATE TABLE users (id uuid PRIMARY KEY, email text);
-- Down Migration
DROP TABLE users;
