CREATE TABLE users (id uuid PRIMARY KEY);
CREATE TABLE tags (uuid uuid PRIMARY KEY);
