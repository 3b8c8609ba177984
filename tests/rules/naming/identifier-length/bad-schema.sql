-- A schema named past 63 bytes, and a table in it.
CREATE SCHEMA billing_payment_installments_archive_for_the_years_before_the_migration;
CREATE TABLE billing_payment_installments_archive_for_the_years_before_the_migration.installments (
    id uuid PRIMARY KEY
);
