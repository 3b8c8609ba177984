CREATE TABLE people (
    id uuid PRIMARY KEY,
    name text,
    email varchar(320),
    country_code char(2),
    currency_code character(3)
);
