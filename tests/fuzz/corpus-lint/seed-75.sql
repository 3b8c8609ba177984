CREATE TABLE invoices (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    last_login_at timestamp with time zone,
    due_date date,
    starts_on date,
    date_of_birth date,
    duration interval
);
