CREATE TABLE shifts (
    id uuid PRIMARY KEY,
    start_time timestamptz NOT NULL,
    ended timestamptz,
    work_day date,
    created_on date,
    date_of_hire date
);
