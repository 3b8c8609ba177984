-- A function and a procedure named past 63 bytes.
CREATE FUNCTION recalculate_payment_installment_schedule_after_a_plan_change_for_customer(plan_id uuid)
RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
CREATE PROCEDURE public.archive_settled_payment_installments_older_than_the_retention_period()
LANGUAGE sql AS $$ SELECT 1 $$;
