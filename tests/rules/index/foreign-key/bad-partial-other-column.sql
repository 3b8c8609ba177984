-- A partial index whose predicate tests another column than the foreign key's does not serve
-- the lookup "user_id = $1" (the check-pg oracle must not accept it either).
CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE orders (
    id int PRIMARY KEY,
    user_id int REFERENCES users (id),
    shipped_at timestamptz
);
CREATE INDEX idx_orders_user_id_shipped ON orders (user_id) WHERE shipped_at IS NOT NULL;
