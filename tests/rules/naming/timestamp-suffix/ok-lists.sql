CREATE TABLE shifts (
    id uuid PRIMARY KEY,
    start_time timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    work_day date,
    pay_day date
);
