CREATE TABLE orders (id uuid PRIMARY KEY);
CREATE INDEX idx_orders_id ON orders (id);
