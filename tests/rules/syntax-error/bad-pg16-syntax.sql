CREATE TABLE users (id uuid PRIMARY KEY, profile jsonb, quota bigint, flags int);
-- PostgreSQL 16+ allows a subquery in FROM without an alias; the PG 15 grammar does not.
CREATE VIEW user_count AS SELECT count(*) FROM (SELECT id FROM users);
CREATE VIEW seeds AS SELECT * FROM (VALUES (1), (2));
-- SQL/JSON: the IS JSON predicate and the constructors
ALTER TABLE users ADD CONSTRAINT users_profile_is_object CHECK (profile::text IS JSON OBJECT);
ALTER TABLE users ADD CONSTRAINT users_profile_not_scalar CHECK (profile::text IS NOT JSON SCALAR);
CREATE VIEW user_cards AS SELECT JSON_OBJECT('id': id, 'quota': quota) AS card FROM users;
CREATE VIEW user_cards2 AS SELECT JSON_OBJECT('id' VALUE id ABSENT ON NULL) AS card FROM users;
CREATE VIEW user_ids AS SELECT JSON_ARRAY(SELECT id FROM users) AS ids;
CREATE VIEW user_ids2 AS SELECT JSON_ARRAYAGG(id ORDER BY id RETURNING jsonb) AS ids FROM users;
CREATE VIEW user_map AS SELECT JSON_OBJECTAGG(id VALUE quota) AS quotas FROM users;
-- integer literals with underscores, and in hex, octal and binary
ALTER TABLE users ALTER COLUMN quota SET DEFAULT 1_000_000;
ALTER TABLE users ALTER COLUMN flags SET DEFAULT 0x1F;
ALTER TABLE users ALTER COLUMN flags SET DEFAULT 0b101;
ALTER TABLE users ALTER COLUMN flags SET DEFAULT 0o_17;
-- GRANT ... WITH INHERIT / SET, CREATE STATISTICS without a name, STORAGE in CREATE TABLE
GRANT app_reader TO app_user WITH INHERIT TRUE;
GRANT app_owner TO migrator WITH SET FALSE;
CREATE STATISTICS ON quota, flags FROM users;
CREATE TABLE documents (id uuid PRIMARY KEY, body text STORAGE EXTERNAL);
