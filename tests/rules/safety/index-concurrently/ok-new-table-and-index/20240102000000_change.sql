-- migrate:up
CREATE TABLE items (id bigint PRIMARY KEY, name text);
CREATE INDEX idx_items_name ON items (name);
DROP INDEX idx_items_name;
CREATE TEMP TABLE scratch (id int);
CREATE INDEX idx_scratch_id ON scratch (id);

-- migrate:down
SELECT 1;
