CREATE TABLE users (id uuid PRIMARY KEY, address_line2 text, sha256 text);
CREATE TABLE users_2024 (id uuid PRIMARY KEY);
