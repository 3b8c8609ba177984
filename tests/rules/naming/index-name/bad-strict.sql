CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid, status text, email text);
CREATE INDEX idx_orders_user_id ON orders (user_id);
CREATE INDEX idx_orders_active ON orders (user_id) WHERE status = 'active';
CREATE INDEX idx_orders_lower_email ON orders (lower(email));
CREATE INDEX idx_orders_by_status ON orders (status);
CREATE UNIQUE INDEX uq_orders_email ON orders (email);
