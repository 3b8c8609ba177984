-- Suggested names longer than PostgreSQL's 63 bytes are shortened (README "Suggested names").
CREATE TABLE customer_billing_configuration_entries (
    id uuid PRIMARY KEY,
    organization_identifier uuid,
    status text,
    billing_period_start date
);
-- abbreviating is enough
CREATE INDEX ON customer_billing_configuration_entries (organization_identifier, status, billing_period_start);
CREATE TABLE tenant_scoped_subscription_plan_feature_entitlement_override (
    id uuid PRIMARY KEY,
    plan_tier text,
    region_code text
);
-- nothing to abbreviate: cut, with a hash of the whole name
CREATE INDEX by_plan_tier ON tenant_scoped_subscription_plan_feature_entitlement_override (plan_tier, region_code);
CREATE UNIQUE INDEX plan_tier_region ON tenant_scoped_subscription_plan_feature_entitlement_override (region_code, plan_tier);
