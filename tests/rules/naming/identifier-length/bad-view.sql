-- A view and a materialized view named past 63 bytes.
CREATE TABLE payment_installments (
    id uuid PRIMARY KEY,
    due_on date NOT NULL
);
CREATE VIEW overdue_payment_installments_with_customer_contact_details_for_collectors AS
    SELECT id, due_on FROM payment_installments WHERE due_on < current_date;
CREATE MATERIALIZED VIEW monthly_totals_of_payment_installments_grouped_by_their_due_month_mv AS
    SELECT date_trunc('month', due_on) AS due_month, count(*) AS n FROM payment_installments GROUP BY 1;
