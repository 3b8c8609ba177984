-- golang-migrate sends the file as one query: one implicit transaction
ALTER TYPE order_status ADD VALUE 'shipped';
UPDATE orders SET status = 'shipped' WHERE id < 10;
