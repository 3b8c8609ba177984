CREATE TABLE invoices (
    id uuid PRIMARY KEY,
    total_net double precision NOT NULL,
    fee_usd real,
    tax money,
    total_count bigint,
    shipping_cost double precision,
    total_estimate double precision
);
