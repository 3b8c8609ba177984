-- An example schema for `make demo`: it has problems on purpose, so every rule
-- has something to say. Run `build/ddlint examples/schema.sql`.

CREATE TABLE users (
    id uuid PRIMARY KEY,
    email text NOT NULL UNIQUE,
    displayName text,                -- naming/snake-case: written in camelCase
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id),   -- index/foreign-key: no index
    total numeric(12,2) NOT NULL
);

CREATE TABLE order_items (
    id uuid PRIMARY KEY,
    order_id uuid NOT NULL REFERENCES orders (id),
    quantity integer NOT NULL CHECK (quantity > 0)
);
CREATE INDEX idx_order_items_order_id ON order_items (order_id);

CREATE TABLE audit_log (                          -- schema/primary-key: none
    happened_at timestamp NOT NULL,              -- types/timestamptz: no time zone
    details json                                 -- types/jsonb: json, not jsonb
);

CREATE TABLE coupons (
    id uuid PRIMARY KEY,
    code text NOT NULL,
    amount numeric(10,2) NOT NULL,
);                                               -- syntax-error: trailing comma
