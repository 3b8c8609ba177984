-- strict: the name ddlint suggests, shortened to 63 bytes, is the columns' name
CREATE TABLE customer_billing_configuration_entries (
    id uuid PRIMARY KEY,
    organization_identifier uuid,
    status text,
    billing_period_start date
);
CREATE INDEX idx_cust_billing_config_entries_org_id_status_billing_pe_55f333
    ON customer_billing_configuration_entries (organization_identifier, status, billing_period_start);
-- a purpose is not, however short
CREATE INDEX idx_customer_billing_configuration_entries_open
    ON customer_billing_configuration_entries (status, organization_identifier);
