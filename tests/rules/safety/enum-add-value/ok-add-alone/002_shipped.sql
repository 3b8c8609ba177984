-- +goose Up
-- PostgreSQL 12 and later run ADD VALUE in a transaction; it is used by the next migration
ALTER TYPE order_status ADD VALUE 'shipped';
