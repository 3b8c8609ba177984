-- +goose Up
UPDATE orders SET status = 'shipped' WHERE id < 10;
