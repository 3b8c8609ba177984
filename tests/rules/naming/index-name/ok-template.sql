CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid, status text, email text);
CREATE INDEX orders_user_id_idx ON orders (user_id);
CREATE INDEX orders_active_idx ON orders (user_id) WHERE status = 'active';
CREATE UNIQUE INDEX orders_email_key ON orders (email);
CREATE UNIQUE INDEX orders_status_id_idx ON orders (status, id);
