--liquibase formatted sql

--changeset ana:1
CREATE TABLE users (id int PRIMARY KEY);
CREATE INDEX idx_users_id ON users (id);
--rollback DROP TABLE users;

--changeset ana:2 runInTransaction:false
BEGIN;
CREATE TABLE orders (id int PRIMARY KEY);
COMMIT;
--rollback DROP TABLE orders;
