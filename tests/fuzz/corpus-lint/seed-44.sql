DROP TABLE users;
DROP TYPE role_enum;
