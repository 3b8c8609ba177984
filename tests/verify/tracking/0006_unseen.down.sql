ALTER TABLE app.orders DROP COLUMN shipped;
