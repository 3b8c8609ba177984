-- migrate:up
CREATE TABLE tags (id uuid PRIMARY KEY);
-- migrate:down
DROP TABLE tags;
