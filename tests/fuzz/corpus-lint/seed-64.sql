CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid, status text);
CREATE INDEX orders_by_user ON orders (user_id);
CREATE INDEX ON orders (user_id, status);
CREATE INDEX idx_order_status ON orders (status);
CREATE UNIQUE INDEX unique_orders_status ON orders (status, id);
