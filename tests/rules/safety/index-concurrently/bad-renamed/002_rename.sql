-- +goose Up
-- renamed, the table still holds its rows: the index build blocks its writes
ALTER TABLE session_temp RENAME TO session;
CREATE INDEX idx_session_token ON session (token);
