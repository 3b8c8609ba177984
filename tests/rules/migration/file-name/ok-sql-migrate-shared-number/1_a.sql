-- +migrate Up
CREATE TABLE a (id int PRIMARY KEY);
-- +migrate Down
DROP TABLE a;
