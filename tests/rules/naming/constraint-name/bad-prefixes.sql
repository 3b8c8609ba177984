CREATE TABLE users (
    id uuid CONSTRAINT pkey_users PRIMARY KEY,
    email text NOT NULL,
    CONSTRAINT chk_users_email CHECK (email LIKE '%@%'),
    CONSTRAINT key_users_email UNIQUE (email)
);
CREATE TABLE orders (
    id uuid PRIMARY KEY,
    user_id uuid REFERENCES users (id),
    CONSTRAINT ck_orders_id CHECK (id IS NOT NULL)
);
