-- The names ddlint suggests when <prefix>_<table>_<columns> would be longer than 63 bytes are accepted.
CREATE TABLE customer_billing_configuration_entries (
    id uuid CONSTRAINT pk_customer_billing_configuration_entries PRIMARY KEY,
    organization_identifier uuid,
    status text,
    CONSTRAINT uq_customer_billing_config_entries_org_identifier_status UNIQUE (organization_identifier, status)
);
CREATE TABLE tenant_scoped_subscription_plan_feature_entitlement_override (
    id uuid,
    plan_tier text,
    CONSTRAINT pk_tenant_scoped_subscription_plan_feature_entitlement_override PRIMARY KEY (id),
    CONSTRAINT uq_tenant_scoped_subscription_plan_feature_entitlement_o_43dc19 UNIQUE (plan_tier)
);
