-- migrate:up
CREATE TABLE orders (id uuid PRIMARY KEY);
-- migrate:down
DROP TABLE IF EXISTS orders;
DROP TABLE legacy_things;
