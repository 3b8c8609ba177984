-- DEFAULT NULL: PostgreSQL stores no default for a bare NULL, but keeps one when the NULL had to
-- be coerced to a type modifier or a domain (harbor's varchar(40) DEFAULT NULL, found by verify).
CREATE DOMAIN plain_int AS integer;
CREATE DOMAIN five AS integer DEFAULT 5;
CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TABLE defaults_null (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    a varchar(40) DEFAULT NULL,
    b text DEFAULT NULL,
    c varchar DEFAULT NULL,
    d char(3) DEFAULT NULL,
    e numeric(12,2) DEFAULT NULL,
    f numeric DEFAULT NULL,
    g timestamp(3) DEFAULT NULL,
    h timestamptz DEFAULT NULL,
    i integer DEFAULT NULL,
    j plain_int DEFAULT NULL,
    k five DEFAULT NULL,
    l mood DEFAULT NULL,
    m varchar(10)[] DEFAULT NULL,
    n bit(3) DEFAULT NULL,
    p integer DEFAULT NULL::integer,
    q varchar(5) DEFAULT NULL::varchar,
    r time(2) DEFAULT NULL,
    s integer[] DEFAULT NULL
);
ALTER TABLE defaults_null ADD COLUMN t varchar(8) DEFAULT NULL;
ALTER TABLE defaults_null ALTER COLUMN b SET DEFAULT NULL;
ALTER TABLE defaults_null ALTER COLUMN i TYPE numeric(10,2);
