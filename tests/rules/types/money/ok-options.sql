CREATE TABLE invoices (
    id uuid PRIMARY KEY,
    total numeric(19,4) NOT NULL,
    fee_usd numeric(12,2),
    -- not money by these options
    shipping_cost double precision,
    total_estimate real
);
