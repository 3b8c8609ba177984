-- +goose Up
ALTER TYPE order_status ADD VALUE 'shipped';
UPDATE orders SET status = 'shipped' WHERE id < 10;
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'shipped';
