-- migrate:up
CREATE TABLE tags (id uuid PRIMARY KEY, name text NOT NULL);

-- migrate:down
DROP TABLE tags;
