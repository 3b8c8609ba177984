CREATE TABLE users (id uuid PRIMARY KEY);
-- PostgreSQL 16+ allows a subquery in FROM without an alias; the PG 15 grammar does not.
CREATE VIEW user_count AS SELECT count(*) FROM (SELECT id FROM users);
