-- +goose Up
-- renamed, the table still holds every row it had
ALTER TABLE replication_target RENAME TO registry;
UPDATE registry SET kind = 'harbor';
