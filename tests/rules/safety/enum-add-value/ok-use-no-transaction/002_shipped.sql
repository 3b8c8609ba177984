-- +goose NO TRANSACTION
-- +goose Up
-- each statement commits on its own: the value is committed before it is used
ALTER TYPE order_status ADD VALUE 'shipped';
UPDATE orders SET status = 'shipped' WHERE id < 10;
