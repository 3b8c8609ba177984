CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid, status text);
CREATE INDEX orders_user_id_idx ON orders (user_id);
CREATE UNIQUE INDEX orders_status_id_key ON orders (status, id);
CREATE INDEX idx_orders_status ON orders (status);
CREATE UNIQUE INDEX uq_orders_user_id_status ON orders (user_id, status);
CREATE INDEX ON orders (user_id, status);
