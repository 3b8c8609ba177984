CREATE TABLE users (
    id uuid PRIMARY KEY,
    is_active boolean NOT NULL DEFAULT true,
    flag_vip boolean
);
