-- The names ddlint suggests when the template's name would be longer than 63 bytes are accepted.
CREATE TABLE customer_billing_configuration_entries (
    id uuid PRIMARY KEY,
    organization_identifier uuid,
    status text,
    billing_period_start date
);
CREATE INDEX idx_cust_billing_config_entries_org_id_status_billing_pe_55f333
    ON customer_billing_configuration_entries (organization_identifier, status, billing_period_start);
CREATE TABLE tenant_scoped_subscription_plan_feature_entitlement_override (
    id uuid PRIMARY KEY,
    plan_tier text,
    region_code text
);
CREATE INDEX idx_tenant_scoped_subscription_plan_feature_entitlement_b718f8
    ON tenant_scoped_subscription_plan_feature_entitlement_override (plan_tier, region_code);
CREATE UNIQUE INDEX uq_tenant_scoped_subscription_plan_feature_entitlement_o_b6cd94
    ON tenant_scoped_subscription_plan_feature_entitlement_override (region_code, plan_tier);
