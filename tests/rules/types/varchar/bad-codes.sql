CREATE TABLE countries (
    id uuid PRIMARY KEY,
    country_iso char(2),
    currency_code char(3)
);
