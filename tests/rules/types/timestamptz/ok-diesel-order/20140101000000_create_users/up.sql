CREATE TABLE users (id int PRIMARY KEY, created_at timestamp);
