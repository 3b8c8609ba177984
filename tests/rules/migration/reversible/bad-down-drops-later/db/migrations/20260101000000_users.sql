-- the down of 0101 drops orders, which 0102 creates: rolled back alone, it fails
-- migrate:up
CREATE TABLE users (id uuid PRIMARY KEY);
-- migrate:down
DROP TABLE users;
DROP TABLE orders;
