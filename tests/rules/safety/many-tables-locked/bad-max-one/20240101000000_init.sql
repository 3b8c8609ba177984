-- migrate:up
CREATE TABLE a (id int);
CREATE TABLE b (id int);
CREATE TABLE c (id int);
CREATE TABLE d (id int);
CREATE TABLE e (id int);

-- migrate:down
SELECT 1;
