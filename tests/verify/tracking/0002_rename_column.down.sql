ALTER TABLE app.accounts RENAME COLUMN account_id TO id;
