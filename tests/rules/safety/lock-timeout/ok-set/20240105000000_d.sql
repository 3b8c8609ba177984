-- migrate:up
ALTER TABLE users SET (fillfactor = 90);
COMMENT ON TABLE users IS 'people';

-- migrate:down
SELECT 1;
