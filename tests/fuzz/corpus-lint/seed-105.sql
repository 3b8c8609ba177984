CREATE TABLE invoices (
    id uuid PRIMARY KEY,
    total numeric(12,2) NOT NULL,
    tax decimal(12,4),
    -- not money: the last word says what it counts
    line_count integer,
    total_count bigint,
    tax_rate numeric,
    price_id uuid,
    payment_method text,
    fee_type integer,
    total_items integer
);
