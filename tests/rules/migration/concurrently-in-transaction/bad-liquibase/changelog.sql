--liquibase formatted sql

--changeset ana:1
CREATE TABLE users (id uuid PRIMARY KEY, email text);
--rollback DROP TABLE users;

--changeset ana:2
CREATE INDEX CONCURRENTLY idx_users_email ON users (email);
--rollback DROP INDEX idx_users_email;
