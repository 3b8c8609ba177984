-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY idx_tags_name ON tags (name);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY idx_tags_name;
