-- +goose Up
-- ddlint-disable-next-line safety/drop-table -- retired in release 12
DROP TABLE users;
