-- +goose Up
CREATE SCHEMA reporting;
CREATE TABLE reporting.daily (id bigint PRIMARY KEY);
