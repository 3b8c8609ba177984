-- migrate:up
ALTER TABLE d ADD COLUMN note text;
ALTER TABLE e ADD COLUMN note text;
CREATE INDEX idx_a_id ON a (id);

-- migrate:down
SELECT 1;
