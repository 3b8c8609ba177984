CREATE TABLE invoices (
    id uuid PRIMARY KEY,
    total double precision NOT NULL,
    tax money,
    unit_price real,
    amount_cents bigint,
    shipping_cost numeric,
    discounts numeric(10)
);
ALTER TABLE invoices ADD COLUMN refund float;
CREATE DOMAIN price_amount AS money;
