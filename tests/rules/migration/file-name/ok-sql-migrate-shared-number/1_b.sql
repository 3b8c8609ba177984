-- +migrate Up
CREATE TABLE b (id int PRIMARY KEY);
-- +migrate Down
DROP TABLE b;
