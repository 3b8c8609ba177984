DROP VIEW order_totals;
DROP TABLE orders;
