CREATE TABLE users (
    id uuid PRIMARY KEY,
    active boolean NOT NULL DEFAULT true,
    verified bool,
    deleted boolean
);
ALTER TABLE users ADD COLUMN admin boolean;
