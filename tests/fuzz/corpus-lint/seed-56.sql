CREATE TABLE users (
    id uuid CONSTRAINT users_primary PRIMARY KEY,
    email text NOT NULL,
    CONSTRAINT email_must_have_at CHECK (email LIKE '%@%'),
    CONSTRAINT unique_email UNIQUE (email)
);
CREATE TABLE orders (
    id uuid PRIMARY KEY,
    user_id uuid,
    CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT chk_users_positive CHECK (true)
);
ALTER TABLE orders ADD CONSTRAINT orders_fk_1 FOREIGN KEY (user_id) REFERENCES users (id);
