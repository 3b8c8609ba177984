CREATE TABLE users (id uuid PRIMARY KEY);
CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid REFERENCES users);
