CREATE TABLE users (
    id uuid,
    email text NOT NULL,
    CONSTRAINT pkey_users PRIMARY KEY (id),
    CONSTRAINT ck_users_email CHECK (email LIKE '%@%'),
    CONSTRAINT key_users_email UNIQUE (email)
);
CREATE TABLE orders (
    id uuid PRIMARY KEY,
    user_id uuid,
    CONSTRAINT fkey_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id)
);
