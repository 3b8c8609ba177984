CREATE TABLE countries (
    id uuid PRIMARY KEY,
    country_iso char(2),
    language_iso character(2)
);
