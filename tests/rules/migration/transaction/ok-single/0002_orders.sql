CREATE TABLE orders (id uuid PRIMARY KEY);
