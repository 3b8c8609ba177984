-- A trigger named past 63 bytes (its function's name is short).
CREATE TABLE payment_installments (
    id uuid PRIMARY KEY,
    amount_cents bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER trg_payment_installments_recalculate_schedule_whenever_the_amount_changes
    BEFORE UPDATE ON payment_installments
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
