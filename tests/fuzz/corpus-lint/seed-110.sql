CREATE TABLE people (
    id uuid PRIMARY KEY,
    name varchar,
    alias character varying,
    nickname char(20),
    initial char,
    tags varchar[]
);
CREATE DOMAIN label AS varchar;
