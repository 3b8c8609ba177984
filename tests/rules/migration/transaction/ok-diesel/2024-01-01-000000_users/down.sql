DROP INDEX idx_users_id;
DROP TABLE users;
