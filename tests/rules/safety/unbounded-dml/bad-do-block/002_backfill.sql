-- +goose Up
-- +goose StatementBegin
DO $$
BEGIN
  UPDATE users SET nickname = lower(email);
END
$$;
-- +goose StatementEnd
