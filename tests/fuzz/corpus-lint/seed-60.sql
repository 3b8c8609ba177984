CREATE TABLE users (id uuid PRIMARY KEY);
CREATE TABLE categories (id uuid PRIMARY KEY, parent uuid REFERENCES categories);
CREATE TABLE tasks (
    id uuid PRIMARY KEY,
    owner uuid REFERENCES users (id),
    category uuid REFERENCES categories (id),
    creator_id uuid REFERENCES users
);
CREATE TABLE codes (code text PRIMARY KEY);
CREATE TABLE shipments (id uuid PRIMARY KEY, code_id text REFERENCES codes);
