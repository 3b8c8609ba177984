-- +goose NO TRANSACTION
-- +goose Up
BEGIN;
ALTER TYPE order_status ADD VALUE 'shipped';
UPDATE orders SET status = 'shipped' WHERE id < 10;
COMMIT;
-- a new transaction: the value is committed
UPDATE orders SET status = 'shipped' WHERE id < 20;
