-- migrate:up
CREATE TABLE tags (id uuid PRIMARY KEY, name text);
CREATE INDEX idx_tags_name ON tags (name);
CREATE TABLE labels (id uuid PRIMARY KEY);

-- migrate:down
DROP TABLE tags;
