-- migrate:up
ALTER TABLE users ADD CONSTRAINT ex_users_age EXCLUDE USING btree (age WITH =);

-- migrate:down
SELECT 1;
