-- INSTEAD OF triggers on views: made, renamed with their view, moved with it, dropped.
CREATE TABLE users (id uuid PRIMARY KEY, name text NOT NULL);
CREATE VIEW active_users AS SELECT id, name FROM users;
CREATE FUNCTION active_users_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO users VALUES (NEW.id, NEW.name);
    RETURN NEW;
END $$;
CREATE TRIGGER active_users_insert INSTEAD OF INSERT ON active_users FOR EACH ROW EXECUTE FUNCTION active_users_write();
CREATE TRIGGER active_users_update INSTEAD OF UPDATE ON active_users FOR EACH ROW EXECUTE FUNCTION active_users_write();
CREATE TRIGGER active_users_delete INSTEAD OF DELETE ON active_users FOR EACH ROW EXECUTE FUNCTION active_users_write();
ALTER VIEW active_users RENAME TO current_users;
ALTER TRIGGER active_users_insert ON current_users RENAME TO current_users_insert;
DROP TRIGGER active_users_update ON current_users;
CREATE OR REPLACE TRIGGER active_users_delete INSTEAD OF DELETE ON current_users FOR EACH ROW EXECUTE FUNCTION active_users_write();
CREATE SCHEMA reporting;
ALTER VIEW current_users SET SCHEMA reporting;
-- a view dropped takes its triggers; one made again under the name has none
CREATE VIEW named_users AS SELECT id, name FROM users;
CREATE TRIGGER named_users_insert INSTEAD OF INSERT ON named_users FOR EACH ROW EXECUTE FUNCTION active_users_write();
DROP VIEW named_users;
CREATE VIEW named_users AS SELECT id FROM users;
CREATE MATERIALIZED VIEW user_counts AS SELECT count(*) AS n FROM users;
