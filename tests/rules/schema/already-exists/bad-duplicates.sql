-- Each statement below creates what an earlier one made: PostgreSQL rejects it.
CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL);
ALTER TABLE users ADD COLUMN email text;
CREATE TABLE users (id uuid PRIMARY KEY);
CREATE INDEX idx_users_email ON users (email);
CREATE INDEX idx_users_email ON users (lower(email));
CREATE TYPE mood_enum AS ENUM ('happy', 'sad');
CREATE TYPE mood_enum AS ENUM ('calm');
ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email);
ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email);
-- tables and indexes share one namespace
CREATE INDEX users ON users (email);
CREATE TABLE idx_users_email (id uuid PRIMARY KEY);
