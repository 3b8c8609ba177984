-- migrate:up
CREATE TABLE a (id int);
CREATE TABLE b (id int);
CREATE TABLE c (id int);
CREATE TABLE d (id int);
CREATE TABLE e (id int);
ALTER TABLE a ADD COLUMN note text;
ALTER TABLE b ADD COLUMN note text;
ALTER TABLE c ADD COLUMN note text;
ALTER TABLE d ADD COLUMN note text;

-- migrate:down
SELECT 1;
