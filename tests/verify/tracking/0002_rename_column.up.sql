-- the foreign keys of app.orders and side.audit and the view name the column: the rename writes
-- none of their rows, yet changes their text
ALTER TABLE app.accounts RENAME COLUMN id TO account_id;
