CREATE SEQUENCE IF NOT EXISTS tag_ids;
CREATE TABLE tags (id bigint PRIMARY KEY DEFAULT nextval('tag_ids'), name text NOT NULL);
CREATE INDEX idx_tags_name ON tags (name);
