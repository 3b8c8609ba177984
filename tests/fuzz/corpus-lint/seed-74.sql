CREATE TABLE invoices (
    id uuid PRIMARY KEY,
    created timestamptz NOT NULL,
    paid_time timestamp,
    due date,
    sent_at date
);
