CREATE DOMAIN user_id AS bigint;
CREATE TABLE users (id bigserial PRIMARY KEY);
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    user_id user_id REFERENCES users,
    parent_id bigint REFERENCES orders (id),
    external_id integer REFERENCES outside_table (id)
);
CREATE TABLE codes (code varchar(10) PRIMARY KEY);
CREATE TABLE things (id bigint PRIMARY KEY, code varchar(20) REFERENCES codes);
